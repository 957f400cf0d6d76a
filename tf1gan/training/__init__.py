"""The training of a run: the Run object handed to the loops (run), the TF1 listings' loop (train: the book's loop;
fused: the fast one), the DCGAN's loop (keras_loop), TensorBoard events (summaries) and the progress bar (progress)."""
