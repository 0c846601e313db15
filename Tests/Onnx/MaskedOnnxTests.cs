using Keras.Layers;
using Keras.Tests.Onnx.Support;
using Microsoft.ML.OnnxRuntime;

namespace Keras.Tests.Onnx;

/// <summary>ONNX export of masked models: masks made by Embedding(mask_zero) and Masking, carried through the layers
/// that pass them on, and consumed exactly by SimpleRNN/LSTM/GRU (a Scan), Bidirectional and GlobalAveragePooling1D;
/// checked against <c>Predict</c> on sequences padded at the end, in the middle, at the start and entirely.</summary>
public class MaskedOnnxTests : IOnnxCaseSource
{
    private const int Steps = 6;

    // Token ids with padding (0) at the end, in the middle, at the start, and a sequence that is all padding.
    private static readonly long[,] PaddedIds =
    {
        { 5, 3, 8, 0, 0, 0 },
        { 4, 0, 0, 7, 2, 9 },
        { 0, 0, 6, 1, 3, 2 },
        { 0, 0, 0, 0, 0, 0 },
        { 1, 2, 3, 4, 5, 6 },
    };

    public static TheoryData<string> Names => OnnxCaseSource.Names<MaskedOnnxTests>();

    public IEnumerable<OnnxCase> Cases()
    {
        yield return Tokens("mask_lstm_last", new LSTM(3));
        yield return Tokens("mask_lstm_sequences", new LSTM(3, returnSequences: true));
        yield return Tokens("mask_lstm_sequences_backwards", new LSTM(3, returnSequences: true, goBackwards: true));
        yield return Tokens("mask_lstm_last_backwards", new LSTM(3, goBackwards: true));
        yield return Tokens("mask_gru_last", new GRU(3));
        yield return Tokens("mask_gru_sequences_backwards", new GRU(3, returnSequences: true, goBackwards: true));
        yield return Tokens("mask_gru_reset_before_sequences", new GRU(3, resetAfter: false, returnSequences: true));
        yield return Tokens("mask_simple_rnn_last", new SimpleRNN(3));
        yield return Tokens("mask_simple_rnn_sequences_backwards",
            new SimpleRNN(3, returnSequences: true, goBackwards: true));
        yield return Tokens("mask_rnn_gru_cell_zero_output",
            new RNN(new GRUCell(3), returnSequences: true, zeroOutputForMask: true));
        yield return Tokens("mask_bidirectional_lstm_sequences",
            new Bidirectional(new LSTM(3, returnSequences: true)));
        yield return Tokens("mask_bidirectional_lstm_last", new Bidirectional(new LSTM(3)));
        yield return Tokens("mask_bidirectional_gru_sum_sequences",
            new Bidirectional(new GRU(2, returnSequences: true), mergeMode: "sum"));
        yield return Tokens("mask_dropout_dense_lstm", new Dropout(0.5), new Dense(4, activation: "relu"),
            new LSTM(3));
        yield return Tokens("mask_stacked_lstm", new LSTM(3, returnSequences: true), new GRU(2));
        yield return Tokens("mask_global_average_pooling", new Dense(3), new GlobalAveragePooling1D());
        yield return Tokens("mask_dropped_by_flatten", new Flatten(), new Dense(2));
        yield return new("mask_lstm_return_state", () =>
        {
            var ids = new Input([Steps], dtype: "int64");
            var embedded = new Embedding(10, 4, maskZero: true).Call(ids);
            return new Functional(ids, new LSTM(3, returnSequences: true, returnState: true).CallMany([embedded]));
        }, IntInputHigh: 3);
        yield return new("mask_add_of_lstm_and_dense", () =>
        {
            var ids = new Input([Steps], dtype: "int64");
            var embedded = new Embedding(10, 4, maskZero: true).Call(ids);
            var sum = new Add().Call([new LSTM(3, returnSequences: true).Call(embedded), new Dense(3).Call(embedded)]);
            return new Functional(ids, new GRU(2).Call(sum));
        }, IntInputHigh: 3);
        // Two masked inputs: Average keeps a step when either input keeps it (Keras' OR of merge masks).
        yield return new("mask_average_of_two_inputs", () =>
        {
            var first = new Input([Steps], dtype: "int64");
            var second = new Input([Steps], dtype: "int64");
            var a = new Embedding(10, 4, maskZero: true).Call(first);
            var b = new Embedding(10, 4, maskZero: true).Call(second);
            return new Functional([first, second], new LSTM(3).Call(new Average().Call([a, b])));
        }, IntInputHigh: 3);
        yield return new("masking_lstm", () => new Sequential(new Input([Steps, 3]), new Masking(),
            new LSTM(4, returnSequences: true)));
        yield return new("masking_gru_last", () => new Sequential(new Input([Steps, 3]), new Masking(maskValue: 0.5),
            new GRU(3)));
        // The text-classification shape: TextVectorization outside the model, then ids → Embedding → BiLSTM → Dense.
        yield return new("text_classifier", () => new Sequential(new Input([Steps], dtype: "int64"),
            new Embedding(20, 8, maskZero: true), new Bidirectional(new LSTM(4)), new Dense(1, activation: "sigmoid")),
            IntInputHigh: 3);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Export_MatchesOnnxRuntime_OnRandomIds(string name) =>
        OnnxParity.AssertMatches(OnnxCaseSource.Get<MaskedOnnxTests>(name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Export_MatchesPredict_OnPaddedSequences(string name)
    {
        using var model = OnnxCaseSource.Get<MaskedOnnxTests>(name).Build();
        OnnxParity.RandomizeWeights(model, 5);
        using var scope = torch.NewDisposeScope();
        bool pooled = model.Layers.Any(l => l is GlobalAveragePooling1D);
        // Every step masked averages 0/0 (NaN in Keras and ONNX alike), so pooling skips the all-padding row.
        var rows = Enumerable.Range(0, PaddedIds.GetLength(0)).Where(r => !pooled || r != 3).ToArray();
        using var session = new InferenceSession(model.ToOnnx());
        // A second input gets the padded rows in another order, so its padding falls elsewhere.
        var inputs = Enumerable.Range(0, session.InputNames.Count).Select(k =>
        {
            var order = rows.Skip(k).Concat(rows.Take(k)).ToArray();
            return model.Layers[0] is Masking masking ? PaddedFloats(order, masking.MaskValue) : Ids(order);
        }).ToList();
        var expected = model.PredictMany(inputs.Count == 1
            ? inputs[0]
            : ArrayLike.Create(inputs.Select(t => (ArrayLike)t).ToArray()), verbose: 0);
        var values = inputs.Select(input => input.dtype == torch.int64
            ? OrtValue.CreateTensorValueFromMemory(input.data<long>().ToArray(), input.shape)
            : OrtValue.CreateTensorValueFromMemory(input.data<float>().ToArray(), input.shape)).ToList();
        using var results = session.Run(new RunOptions(), session.InputNames, values, session.OutputNames);
        values.ForEach(v => v.Dispose());
        Assert.Equal(expected.Count, results.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            var info = results[i].GetTensorTypeAndShape();
            var actual = torch.tensor(results[i].GetTensorDataAsSpan<float>().ToArray(), info.Shape);
            Assert.Equal(expected[i].shape, actual.shape);
            var worst = (actual - expected[i]).abs().max().item<float>();
            Assert.True(worst <= 1e-5, $"Output {i} of \"{name}\" differs from Predict by {worst:G4}.");
        }
    }

    [Theory]
    [InlineData("masking_lstm")]
    [InlineData("text_classifier")]
    public void Export_MatchesOnnxRuntime_AtOpset18(string name)
    {
        using var model = OnnxCaseSource.Get<MaskedOnnxTests>(name).Build();
        OnnxParity.AssertMatches(model, intInputHigh: 3, opset: 18);
    }

    [Fact]
    public void PaddedSteps_ChangeTheRecurrentOutput()
    {
        // Guards the padded-input test: the mask must matter, or ignoring it would also pass.
        using var model = OnnxCaseSource.Get<MaskedOnnxTests>("mask_lstm_last").Build();
        OnnxParity.RandomizeWeights(model, 5);
        using var scope = torch.NewDisposeScope();
        var masked = model.Predict(Ids([1]), verbose: 0);
        var lstm = (LSTM)model.Layers[1];
        var embedded = ((Embedding)model.Layers[0]).Embeddings!.Value.index_select(0, Ids([1])[0]).unsqueeze(0);
        var unmasked = lstm.Call(embedded);
        Assert.True((masked - unmasked).abs().max().item<float>() > 1e-3);
    }

    [Fact]
    public void MaskReachingSoftmax_IsRejectedByName()
    {
        using var model = new Sequential(new Input([Steps], dtype: "int64"), new Embedding(10, 4, maskZero: true),
            new Softmax(name: "probs"));
        var error = Assert.Throws<NotSupportedException>(() => model.ToOnnx());
        Assert.Contains("\"probs\"", error.Message);
        Assert.Contains("mask", error.Message);
    }

    [Fact]
    public void MaskReachingMaximum_IsRejectedByName()
    {
        var ids = new Input([Steps], dtype: "int64");
        var embedded = new Embedding(10, 4, maskZero: true).Call(ids);
        using var model = new Functional(ids, new Maximum(name: "peak").Call([embedded, new Dense(4).Call(embedded)]));
        var error = Assert.Throws<NotSupportedException>(() => model.ToOnnx());
        Assert.Contains("\"peak\"", error.Message);
    }

    [Fact]
    public void MaskedRecurrentLayer_ExportsAScanLoop()
    {
        using var model = OnnxCaseSource.Get<MaskedOnnxTests>("mask_lstm_sequences").Build();
        var bytes = model.ToOnnx();
        Assert.Contains("Scan", System.Text.Encoding.ASCII.GetString(bytes));
    }

    private static OnnxCase Tokens(string name, params Layer[] layers) => new(name,
        () => new Sequential(new Input([Steps], dtype: "int64"), [new Embedding(10, 4, maskZero: true), .. layers]),
        IntInputHigh: 3);

    private static Tensor Ids(int[] rows) =>
        torch.tensor(rows.SelectMany(r => Enumerable.Range(0, Steps).Select(t => PaddedIds[r, t])).ToArray(),
            [rows.Length, Steps]);

    // Random features, with the padded steps of PaddedIds set to the mask value.
    private static Tensor PaddedFloats(int[] rows, double maskValue)
    {
        var random = new Random(3);
        var data = rows.SelectMany(r => Enumerable.Range(0, Steps * 3).Select(i => PaddedIds[r, i / 3] == 0
            ? (float)maskValue
            : (float)(random.NextDouble() * 4 - 2))).ToArray();
        return torch.tensor(data, [rows.Length, Steps, 3]);
    }
}
