namespace Keras.Tests.Core.Layers.Attention;

using Keras.Layers;

/// <summary>Int tokens → Embedding(maskZero) → MultiHeadAttention self-attention → masked mean → Dense, trained
/// with Fit: the padding mask flows from the embedding through the attention to the pooling.</summary>
[Collection(SerialCollection.Name)]
public sealed class AttentionEndToEndTests
{
    [Fact]
    public void MaskedSelfAttentionClassifier_TrainsWithFit_AndSurvivesJsonRoundTrip()
    {
        Utils.SetRandomSeed(11);
        var (x, y) = Data(240, 8, seed: 3);
        var tokens = new Input([8], dtype: "int32", name: "tokens");
        var embed = new Embedding(12, 8, maskZero: true, name: "embed");
        var embedded = embed.Call(tokens);
        var attended = new MultiHeadAttention(2, 4, name: "self_attention").CallMany([embedded, embedded])[0];
        var pooled = new MaskedMean().Call(attended);
        var outputs = new Dense(1, activation: "sigmoid", name: "head").Call(pooled);
        var model = new Functional(tokens, outputs);
        model.Compile(optimizer: "adam", loss: "binary_crossentropy");

        var history = model.Fit(x, y, epochs: 25, batchSize: 16, verbose: 0);
        Assert.True(history["loss"][^1] < history["loss"][0] * 0.5,
            $"loss {history["loss"][0]} → {history["loss"][^1]}");

        using var scope = torch.NewDisposeScope();
        var sample = torch.tensor(new[] { 3, 5, 1, 0, 0, 0, 0, 0 }).reshape(1, 8);
        var prediction = model.Predict(sample, verbose: 0);
        Keras.Saving.SerializationRegistry.Register("MaskedMean", _ => new MaskedMean());
        var restored = Models.ModelFromJson(model.ToJson());
        restored.SetWeights(model.GetWeights());
        Assert.True(prediction.allclose(restored.Predict(sample, verbose: 0), rtol: 1e-5, atol: 1e-6));

        // The mask reaches attention and pooling: the padding row of the table (index 0) has no influence on the
        // pooled features...
        var features = new Functional(tokens, pooled);
        var before = features.Predict(sample, verbose: 0);
        var table = embed.Embeddings!.Numpy();
        table[0].fill_(5.0);
        embed.Embeddings.Assign(table);
        Assert.True(before.allclose(features.Predict(sample, verbose: 0), rtol: 1e-5, atol: 1e-6));
        // ...while the row of a real token has.
        table[5].add_(1.0);
        embed.Embeddings.Assign(table);
        Assert.False(before.allclose(features.Predict(sample, verbose: 0), rtol: 1e-5, atol: 1e-6));
    }

    /// <summary>Sequences of 2..len tokens in 1..11 padded with 0; the label says whether token 3 occurs.</summary>
    private static (int[,] X, float[,] Y) Data(int count, int length, int seed)
    {
        var random = new Random(seed);
        var x = new int[count, length];
        var y = new float[count, 1];
        for (int i = 0; i < count; i++)
        {
            int n = random.Next(2, length + 1);
            bool positive = i % 2 == 0;
            for (int t = 0; t < n; t++)
            {
                int token;
                do
                {
                    token = random.Next(1, 12);
                }
                while (token == 3);
                x[i, t] = token;
            }
            if (positive)
            {
                x[i, random.Next(n)] = 3;
            }
            y[i, 0] = positive ? 1 : 0;
        }
        return (x, y);
    }

    /// <summary>The mean over time of the unmasked steps (a GlobalAveragePooling1D that honours masks).</summary>
    private sealed class MaskedMean() : Layer("masked_mean")
    {
        public override Shape ComputeOutputShape(Shape inputShape) => new(inputShape[0], inputShape[2]);

        protected override Tensor CallCore(Tensor inputs, bool training) => inputs.mean([1]);

        protected override Tensor CallCore(Tensor inputs, Tensor? mask, bool training)
        {
            if (mask is null)
            {
                return CallCore(inputs, training);
            }
            var weights = mask.unsqueeze(-1).to_type(inputs.dtype);
            return (inputs * weights).sum(1) / weights.sum(1).clamp_min(1);
        }
    }
}
