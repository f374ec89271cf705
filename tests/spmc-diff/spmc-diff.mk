# The same raw FF-A calls against our SPMC and the two peer secure worlds,
# judged against what the specification allows (tools/spmc-diff.py):
# build/spmc-diff.md. Needs the firmware image and the peers' (built and
# cached on first use).
TEST_CMDS += tools/spmc-diff.py
