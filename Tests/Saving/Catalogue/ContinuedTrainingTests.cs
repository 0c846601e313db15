using Keras.Layers;

namespace Keras.Tests.Saving.Catalogue;

/// <summary>Representative models (Dense, Conv + BatchNormalization, LSTM) compiled with Adam: saving after two epochs
/// and training the loaded model two more epochs gives exactly the loss of the uninterrupted run, in each full-model
/// format.</summary>
[Collection(SerialCollection.Name)]
public sealed class ContinuedTrainingTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var format in new[] { ".h5", ".keras" })
        {
            foreach (var kind in new[] { "dense", "conv_bn", "lstm" })
            {
                data.Add(kind, format);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LoadedModel_ContinuesTrainingExactlyLikeTheUninterruptedRun(string kind, string format)
    {
        string dir = Path.Combine(Path.GetTempPath(), "keras-continue-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            Utils.SetRandomSeed(5);
            var (model, x, y) = Build(kind);
            using (model)
            {
                model.Compile(optimizer: "adam", loss: "mean_squared_error");
                model.Fit(x, y, batchSize: 4, epochs: 2, shuffle: false, verbose: 0);
                string path = Path.Combine(dir, kind + format);
                model.Save(path);
                var uninterrupted = model.Fit(x, y, batchSize: 4, epochs: 2, shuffle: false, verbose: 0);

                using var loaded = Models.LoadModel(path);
                var resumed = loaded.Fit(x, y, batchSize: 4, epochs: 2, shuffle: false, verbose: 0);
                Assert.Equal(uninterrupted["loss"], resumed["loss"]);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static (Model Model, float[,,,] X, float[,] Y) BuildConv()
    {
        var model = new Sequential(
            new Input([5, 5, 2]),
            new Conv2D(3, 3, padding: "same", activation: "relu"),
            new BatchNormalization(),
            new Flatten(),
            new Dense(1));
        var random = new Random(1);
        var x = new float[12, 5, 5, 2];
        var y = new float[12, 1];
        for (int i = 0; i < 12; i++)
        {
            for (int j = 0; j < 5; j++)
            {
                for (int k = 0; k < 5; k++)
                {
                    x[i, j, k, 0] = (float)random.NextDouble();
                    x[i, j, k, 1] = (float)random.NextDouble();
                }
            }
            y[i, 0] = x[i, 2, 2, 0] - x[i, 1, 3, 1];
        }
        return (model, x, y);
    }

    private static (Model Model, ArrayLike X, float[,] Y) Build(string kind)
    {
        if (kind == "conv_bn")
        {
            var (m, x4, y4) = BuildConv();
            return (m, x4, y4);
        }
        var random = new Random(2);
        var y = new float[12, 1];
        if (kind == "dense")
        {
            var x = new float[12, 6];
            for (int i = 0; i < 12; i++)
            {
                for (int j = 0; j < 6; j++)
                {
                    x[i, j] = (float)random.NextDouble();
                }
                y[i, 0] = x[i, 0] + x[i, 3];
            }
            return (new Sequential(new Input([6]), new Dense(5, activation: "relu"), new Dense(1)), x, y);
        }
        var seq = new float[12, 4, 3];
        for (int i = 0; i < 12; i++)
        {
            for (int t = 0; t < 4; t++)
            {
                for (int f = 0; f < 3; f++)
                {
                    seq[i, t, f] = (float)random.NextDouble();
                }
            }
            y[i, 0] = seq[i, 3, 0];
        }
        return (new Sequential(new Input([4, 3]), new LSTM(4), new Dense(1)), seq, y);
    }
}
