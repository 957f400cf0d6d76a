"""Errors that are the user's input, not a bug: the commands print str(e) alone, as one line, and
exit with the error's status (README, "Exit status": 1 a failure or bad data, 2 bad usage)."""


class InputError(ValueError):
    """Bad input (a damaged file, a missing folder, MNIST unusable); the message is one line."""
    status = 1


class UsageError(InputError):
    """A command line that cannot work as written: a flag that contradicts another, or the run it
    names (a taken --run_dir, --digits for a run that is not a cgan, settings that are not the
    resumed run's)."""
    status = 2
