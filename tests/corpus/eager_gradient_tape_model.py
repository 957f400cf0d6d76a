# TF 1.13 eager style: a tf.keras.Model subclass, tf.GradientTape, tf.train.AdamOptimizer.
import numpy as np
import tensorflow as tf

tf.enable_eager_execution()
tf.set_random_seed(0)


class TwoLayers(tf.keras.Model):
    def __init__(self):
        super(TwoLayers, self).__init__()
        self.dense1 = tf.keras.layers.Dense(16, activation=tf.nn.relu)
        self.dense2 = tf.keras.layers.Dense(1)

    def call(self, inputs):
        return self.dense2(self.dense1(inputs))


x = np.random.RandomState(0).rand(128, 2).astype(np.float32)
y = (x[:, :1] * 2 - x[:, 1:]).astype(np.float32)
model = TwoLayers()
optimizer = tf.train.AdamOptimizer(learning_rate=0.01)
for step in range(101):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(x) - y))
    grads = tape.gradient(loss, model.variables)
    optimizer.apply_gradients(zip(grads, model.variables), global_step=tf.train.get_or_create_global_step())
    if step % 25 == 0:
        print('step', step, 'loss', loss.numpy())
