# Bag-of-embeddings text classifier: tf.nn.embedding_lookup, tf.reduce_mean, tf.losses.sparse_softmax_cross_entropy.
import numpy as np
import tensorflow as tf

vocab = ['good', 'great', 'fine', 'fun', 'bad', 'awful', 'poor', 'sad', 'the', 'a', 'movie', 'was']
positive, negative = vocab[:4], vocab[4:8]
rng = np.random.RandomState(0)
docs, ys = [], []
for _ in range(200):
    label = rng.randint(2)
    words = list(rng.choice(vocab[8:], 3)) + list(rng.choice(positive if label else negative, 2))
    docs.append([vocab.index(w) for w in words])
    ys.append(label)

X = tf.placeholder(tf.int32, [None, 5])
Y = tf.placeholder(tf.int32, [None])
embedding = tf.get_variable('embedding', [len(vocab), 8], initializer=tf.random_uniform_initializer(-1, 1))
mean = tf.reduce_mean(tf.nn.embedding_lookup(embedding, X), axis=1)
logits = tf.layers.dense(mean, 2)
loss = tf.losses.sparse_softmax_cross_entropy(labels=Y, logits=logits)
train = tf.train.AdagradOptimizer(0.5).minimize(loss)
accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(logits, 1, output_type=tf.int32), Y), tf.float32))

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(101):
        _, l = sess.run([train, loss], {X: docs, Y: ys})
        if step % 20 == 0:
            print('step', step, 'loss', l)
    print('accuracy', sess.run(accuracy, {X: docs, Y: ys}))
