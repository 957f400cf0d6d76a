"""The judging of a run: the book's printed losses (book_logs), a run put beside them (comparison), the MNIST
classifier (classifier, weights in data/) and its figures (metrics, scoring), the DCGAN's collapse (collapse), and
--eval_every while training (periodic_eval)."""
