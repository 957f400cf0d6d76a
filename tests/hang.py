"""The one time limit of the tests' subprocesses and waits: a guard against a hang, never a judge of speed.

Every subprocess a test starts (a command, a script, a training run, TensorFlow 1.15) and every wait for one
takes this limit, two hours: far above the longest measured (a whole run of the slow suite, 3-18 minutes alone on
2 cores, about three times as long at load 6; a default-suite command at most 5 minutes at load 6, issue 32), so
that a slow or busy machine never fails a test; only a process that hangs reaches it.
"""
HANG = 2 * 60 * 60  # seconds
