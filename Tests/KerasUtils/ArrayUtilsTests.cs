namespace Keras.Tests.KerasUtils;

public sealed class ArrayUtilsTests
{
    public static TheoryData<int> CategoricalCases() => [.. Enumerable.Range(0, 5)];

    public static TheoryData<int> NormalizeCases() => [.. Enumerable.Range(0, 9)];

    public static TheoryData<int> PadCases() => [.. Enumerable.Range(0, 6)];

    [Theory]
    [MemberData(nameof(CategoricalCases))]
    public void ToCategorical_MatchesKeras(int caseIndex)
    {
        var c = UtilsGolden.Cases("to_categorical").ElementAt(caseIndex);
        var shape = UtilsGolden.Ints(c["shape"]);
        var labels = Array.CreateInstance(typeof(int), shape);
        Buffer.BlockCopy(UtilsGolden.Ints(c["labels"]), 0, labels, 0, labels.Length * sizeof(int));

        var result = Keras.Utils.ToCategorical(labels, (int?)c["num_classes"]);

        Assert.Equal(UtilsGolden.Ints(c["expected_shape"]), Enumerable.Range(0, result.Rank).Select(result.GetLength));
        Assert.Equal(UtilsGolden.Doubles(c["expected"]), result.Cast<float>().Select(v => (double)v));
    }

    [Fact]
    public void ToCategorical_TypedOverloads_GiveFloatMatrices()
    {
        Assert.Equal(new float[,] { { 1, 0, 0 }, { 0, 0, 1 }, { 0, 1, 0 } }, Keras.Utils.ToCategorical([0, 2, 1]));
        Assert.Equal(new float[,] { { 0, 1 }, { 1, 0 } }, Keras.Utils.ToCategorical(new byte[] { 1, 0 }, 2));
        Assert.Equal(new float[,] { { 0, 0, 1, 0 } }, Keras.Utils.ToCategorical(new long[] { 2 }, 4));
        Assert.Equal(new float[,] { { 0, 1 } }, (float[,])Keras.Utils.ToCategorical(new[] { 1.9 }, 2));   // int64 cast
    }

    [Fact]
    public void ToCategorical_RejectsOutOfRangeLabels()
    {
        var tooLarge = Assert.Throws<ArgumentException>(() => Keras.Utils.ToCategorical([0, 3], 3));
        Assert.Contains("class index 3 at position 1", tooLarge.Message);
        Assert.Contains("num_classes=3", tooLarge.Message);
        Assert.Throws<ArgumentException>(() => Keras.Utils.ToCategorical([-1, 0], 2));
        Assert.Throws<ArgumentException>(() => Keras.Utils.ToCategorical(Array.Empty<int>()));
    }

    [Theory]
    [MemberData(nameof(NormalizeCases))]
    public void Normalize_MatchesKeras(int caseIndex)
    {
        var c = UtilsGolden.Cases("normalize").ElementAt(caseIndex);
        var shape = UtilsGolden.Ints(c["shape"]);
        var x = Array.CreateInstance(typeof(double), shape);
        Buffer.BlockCopy(UtilsGolden.Doubles(c["x"]), 0, x, 0, x.Length * sizeof(double));
        double order = c["order"]!.ToString() switch
        {
            "inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            _ => (double)c["order"]!,
        };

        var result = Keras.Utils.Normalize(x, (int)c["axis"]!, order);

        var expected = UtilsGolden.Doubles(c["expected"]);
        var actual = result.Cast<double>().ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 12);
        }
    }

    [Fact]
    public void Normalize_FloatMatrix_KeepsZeroRowsAndType()
    {
        float[,] unit = Keras.Utils.Normalize(new float[,] { { 3, 4 }, { 0, 0 } });

        Assert.Equal(new float[,] { { 0.6f, 0.8f }, { 0, 0 } }, unit);
        Assert.Equal(new float[,] { { 1, 0 }, { 0, 1 } }, Keras.Utils.Normalize(new float[,] { { 2, 0 }, { 0, 5 } }, axis: 0));
    }

    [Fact]
    public void Normalize_RejectsIntegerArraysAndBadAxes()
    {
        Assert.Contains("float or double", Assert.Throws<ArgumentException>(() =>
            Keras.Utils.Normalize(new int[,] { { 1 } })).Message);
        Assert.Contains("axis 2 is out of bounds", Assert.Throws<ArgumentException>(() =>
            Keras.Utils.Normalize(new float[,] { { 1 } }, axis: 2)).Message);
    }

    [Theory]
    [MemberData(nameof(PadCases))]
    public void PadSequences_MatchesKeras(int caseIndex)
    {
        var c = UtilsGolden.Cases("pad_sequences").ElementAt(caseIndex);
        var sequences = UtilsGolden.Root["pad_sequences_input"]!.AsArray().Select(s => UtilsGolden.Ints(s)).ToArray();

        int[,] result = Keras.Utils.PadSequences(sequences, (int?)c["maxlen"], (string)c["padding"]!,
            (string)c["truncating"]!, (int)c["value"]!);

        Assert.Equal(UtilsGolden.Ints(c["shape"]), new[] { result.GetLength(0), result.GetLength(1) });
        Assert.Equal(UtilsGolden.Ints(c["expected"]), result.Cast<int>());
    }

    [Fact]
    public void PadSequences_DocstringExamples()
    {
        int[][] sequence = [[1], [2, 3], [4, 5, 6]];

        Assert.Equal(new[,] { { 0, 0, 1 }, { 0, 2, 3 }, { 4, 5, 6 } }, Keras.Utils.PadSequences(sequence));
        Assert.Equal(new[,] { { -1, -1, 1 }, { -1, 2, 3 }, { 4, 5, 6 } }, Keras.Utils.PadSequences(sequence, value: -1));
        Assert.Equal(new[,] { { 1, 0, 0 }, { 2, 3, 0 }, { 4, 5, 6 } }, Keras.Utils.PadSequences(sequence, padding: "post"));
        Assert.Equal(new[,] { { 0, 1 }, { 2, 3 }, { 5, 6 } }, Keras.Utils.PadSequences(sequence, maxlen: 2));
    }

    [Fact]
    public void PadSequences_Dtype_ConvertsOutput()
    {
        var padded = Keras.Utils.PadSequences(new List<int[]> { new[] { 1, 2 }, new[] { 3 } }, "float32", value: 0.5);

        Assert.Equal(new float[,] { { 1, 2 }, { 0.5f, 3 } }, Assert.IsType<float[,]>(padded));
        Assert.IsType<long[,]>(Keras.Utils.PadSequences(new[] { new[] { 1 } }, "int64"));
        Assert.Contains("Received: dtype=str", Assert.Throws<ArgumentException>(() =>
            Keras.Utils.PadSequences(new[] { new[] { 1 } }, "str")).Message);
    }

    [Fact]
    public void PadSequences_RejectsUnknownModes()
    {
        Assert.Equal("Padding type \"middle\" not understood (Parameter 'padding')", Assert.Throws<ArgumentException>(
            () => Keras.Utils.PadSequences(new[] { new[] { 1 } }, padding: "middle")).Message);
        Assert.Contains("Truncating type \"end\" not understood", Assert.Throws<ArgumentException>(
            () => Keras.Utils.PadSequences(new[] { new[] { 1 } }, truncating: "end")).Message);
    }
}
