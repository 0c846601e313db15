using Keras.Layers;

namespace Keras.Tests.Core.Layers.Convolution;

/// <summary>A small convolutional network built from every kind of 2-D convolution trains (gradients flow through
/// all of them in <c>Fit</c>). Seeded, so it runs alone.</summary>
[Collection(SerialCollection.Name)]
public sealed class ConvolutionTrainingTests
{
    [Fact]
    public void SmallConvNet_Trains_ThroughEveryKindOfConvolution()
    {
        Utils.SetRandomSeed(7);
        var random = new Random(3);
        int n = 64;
        var x = new float[n, 8, 8, 1];
        var y = new byte[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = (byte)(i % 2);
            for (int r = 0; r < 8; r++)
            {
                for (int c = 0; c < 8; c++)
                {
                    // Class 1 has a bright left half.
                    x[i, r, c, 0] = (float)random.NextDouble() * 0.5f + (y[i] == 1 && c < 4 ? 0.5f : 0f);
                }
            }
        }
        var model = new Keras.Sequential(
            new Input([8, 8, 1]),
            new Conv2D(4, 3, padding: "same", activation: "relu"),
            new DepthwiseConv2D(3, strides: 2, padding: "same", depthMultiplier: 2),
            new SeparableConv2D(4, 2, activation: "relu"),
            new Conv2DTranspose(3, 2, strides: 2, padding: "same"),
            new Flatten(),
            new Dense(2, activation: "softmax"));
        model.Compile(optimizer: new Keras.Optimizers.Adam(learningRate: 0.01), loss: "sparse_categorical_crossentropy");
        var history = model.Fit(x, y, batchSize: 16, epochs: 10, verbose: 0);
        var loss = history["loss"];
        Assert.True(loss[^1] < loss[0] * 0.2, $"loss went from {loss[0]} to {loss[^1]}");
    }
}
