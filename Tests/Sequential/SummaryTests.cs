using Keras.Layers;

namespace Keras.Tests.SequentialApi;

[Collection(SerialCollection.Name)]
public class SummaryTests
{
    [Fact]
    public void TutorialModel_HasKerasParameterCountAndTable()
    {
        Utils.ClearSession();
        var model = Support.TestModels.Tutorial();
        Assert.Equal(101_770, model.CountParams());
        string expected = """
            Model: "sequential"
            ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
            ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
            ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
            │ flatten (Flatten)               │ (None, 784)            │             0 │
            ├─────────────────────────────────┼────────────────────────┼───────────────┤
            │ dense (Dense)                   │ (None, 128)            │       100,480 │
            ├─────────────────────────────────┼────────────────────────┼───────────────┤
            │ dropout (Dropout)               │ (None, 128)            │             0 │
            ├─────────────────────────────────┼────────────────────────┼───────────────┤
            │ dense_1 (Dense)                 │ (None, 10)             │         1,290 │
            └─────────────────────────────────┴────────────────────────┴───────────────┘
             Total params: 101,770 (397.54 KB)
             Trainable params: 101,770 (397.54 KB)
             Non-trainable params: 0 (0.00 B)

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), model.SummaryText(lineLength: 76));
    }

    [Fact]
    public void KerasReferenceTable_784_64_10_RendersExactly()
    {
        // The exact rendering from keras-formats.md §7.3 (verified there with rich at line length 76).
        var model = new Keras.Sequential([new InputLayer([784]), new Dense(64, name: "dense"), new Dense(10, name: "dense_1")],
            "sequential");
        string expected = """
            Model: "sequential"
            ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
            ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
            ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
            │ dense (Dense)                   │ (None, 64)             │        50,240 │
            ├─────────────────────────────────┼────────────────────────┼───────────────┤
            │ dense_1 (Dense)                 │ (None, 10)             │           650 │
            └─────────────────────────────────┴────────────────────────┴───────────────┘
             Total params: 50,890 (198.79 KB)
             Trainable params: 50,890 (198.79 KB)
             Non-trainable params: 0 (0.00 B)

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), model.SummaryText(lineLength: 76));
    }

    [Theory]
    [InlineData(76, new[] { 33, 24, 15 })]
    [InlineData(88, new[] { 38, 29, 17 })]
    public void ColumnWidths_MatchRich(int lineLength, int[] expected) =>
        Assert.Equal(expected, Keras.Training.SummaryTable.ColumnWidths(lineLength, [0.45, 0.80, 1.0]));

    [Fact]
    public void FunctionalColumnWidths_MatchRich() =>
        Assert.Equal([31, 27, 17, 28], Keras.Training.SummaryTable.ColumnWidths(108, [0.30, 0.56, 0.74, 1.0]));

    [Fact]
    public void FrozenLayer_CountsAsNonTrainable_AndOptimizerParamsAppearAfterTraining()
    {
        var model = new Keras.Sequential(new Input([4]), new Dense(3, name: "hidden"), new Dense(2, name: "out"));
        model.GetLayer("hidden").Trainable = false;
        string text = model.SummaryText(lineLength: 76);
        Assert.Contains(" Trainable params: 8 (32.00 B)", text);
        Assert.Contains(" Non-trainable params: 15 (60.00 B)", text);
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy");
        model.Fit(new float[4, 4], new byte[4], verbose: 0);
        Assert.Contains(" Optimizer params: 18 (72.00 B)", model.SummaryText(lineLength: 76));
    }

    [Fact]
    public void UnbuiltModel_ShowsUnbuiltRows()
    {
        var model = new Keras.Sequential(new Dense(3, name: "a"), new Dense(2, name: "b"));
        string text = model.SummaryText(lineLength: 76);
        Assert.Contains("0 (unbuilt)", text);
        Assert.Contains("│ a (Dense)", text);
    }

    [Theory]
    [InlineData(0, "0.00 B")]
    [InlineData(1023, "1023.00 B")]
    [InlineData(203560, "198.79 KB")]
    [InlineData(553_430_176, "527.79 MB")]
    public void ReadableMemorySize_MatchesKeras(double bytes, string expected) =>
        Assert.Equal(expected, Keras.Training.SummaryTable.ReadableMemorySize(bytes));
}
