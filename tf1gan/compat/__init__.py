"""What TensorFlow 1.15 and Keras 2 did, for the listings, the training and the runner alike: TF 1.15's MNIST
reader (input_data), its seed rule in a graph (tf1_seeds), --seed (seeding) and how a frozen Keras 2 model's
BatchNormalization behaves (keras_semantics)."""
