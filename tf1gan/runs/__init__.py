"""A run's folder and what it holds, read and written alike by the training and the judging of a run: its name and
run.json (folders), log.txt (runlog), pictures (samples), checkpoints (checkpoint), and drawing from them (draw)."""
