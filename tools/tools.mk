# Checks over the whole tree that are not a component's own suite.

# checkpatch --strict over every kernel patch and module source.
TEST_CMDS += tools/checkpatch.py
