using Keras.Callbacks;
using Keras.Layers;
using Keras.Tests.Support;

namespace Keras.Tests.FunctionalApi;

[Collection(SerialCollection.Name)]
public class FunctionalModelTests
{
    private static (Functional Model, Input Title, Input Tags) TwoInTwoOut()
    {
        var title = new Input([6], name: "title");
        var tags = new Input([4], name: "tags");
        var features = new Concatenate(name: "features").Call([
            new Dense(8, activation: "relu", name: "title_dense").Call(title),
            new Dense(4, activation: "relu", name: "tags_dense").Call(tags)]);
        var priority = new Dense(1, activation: "sigmoid", name: "priority").Call(features);
        var department = new Dense(3, activation: "softmax", name: "department").Call(features);
        return (new Functional([title, tags], [priority, department], name: "ticket_classifier"), title, tags);
    }

    private static (float[,] Title, float[,] Tags, float[,] Priority, byte[] Department) TicketData(int n)
    {
        var random = new Random(7);
        var title = new float[n, 6];
        var tags = new float[n, 4];
        var priority = new float[n, 1];
        var department = new byte[n];
        for (int i = 0; i < n; i++)
        {
            department[i] = (byte)random.Next(3);
            for (int j = 0; j < 6; j++)
            {
                title[i, j] = (float)random.NextDouble() + (j % 3 == department[i] ? 1 : 0);
            }
            for (int j = 0; j < 4; j++)
            {
                tags[i, j] = (float)random.NextDouble();
            }
            priority[i, 0] = tags[i, 0] > 0.5 ? 1 : 0;
        }
        return (title, tags, priority, department);
    }

    [Fact]
    public void TwoInputTwoOutputModel_TrainsWithKerasHistoryKeys()
    {
        Utils.SetRandomSeed(11);
        var (model, _, _) = TwoInTwoOut();
        model.Compile(optimizer: "adam",
            loss: ["binary_crossentropy", "sparse_categorical_crossentropy"],
            lossWeights: [1.0, 0.2],
            metrics: [["accuracy"], ["accuracy"]]);
        var (title, tags, priority, department) = TicketData(200);
        var history = model.Fit([title, tags], [priority, department], epochs: 12, batchSize: 16,
            validationSplit: 0.25, verbose: 0);
        Assert.Equal(
            ["department_accuracy", "department_loss", "loss", "priority_accuracy", "priority_loss",
             "val_department_accuracy", "val_department_loss", "val_loss", "val_priority_accuracy", "val_priority_loss"],
            history.Keys.ToArray());
        Assert.True(history["loss"][^1] < history["loss"][0]);
        // The total loss is the weighted sum of the per-output losses.
        double expected = history["priority_loss"][^1] + 0.2 * history["department_loss"][^1];
        Assert.Equal(expected, history["loss"][^1], 4);
        var predictions = model.PredictMany([title, tags], verbose: 0);
        Assert.Equal([200L, 1L], predictions[0].shape);
        Assert.Equal([200L, 3L], predictions[1].shape);
    }

    [Fact]
    public void DictionaryData_ByInputAndOutputName_MatchesListData()
    {
        Utils.SetRandomSeed(3);
        var (model, _, _) = TwoInTwoOut();
        model.Compile(optimizer: "sgd",
            loss: new Dictionary<string, Keras.Losses.Loss>
            {
                ["priority"] = "binary_crossentropy",
                ["department"] = "sparse_categorical_crossentropy",
            });
        var (title, tags, priority, department) = TicketData(40);
        var byList = model.Evaluate([title, tags], [priority, department], verbose: 0);
        var byName = model.Evaluate(
            new Dictionary<string, ArrayLike> { ["tags"] = tags, ["title"] = title },
            new Dictionary<string, ArrayLike> { ["department"] = department, ["priority"] = priority },
            verbose: 0);
        Assert.Equal(byList["loss"], byName["loss"], 6);
        var error = Assert.Throws<ArgumentException>(() => model.Evaluate(title, [priority, department], verbose: 0));
        Assert.Contains("expects 2 inputs (title, tags)", error.Message);
    }

    [Fact]
    public void SharedLayer_HasOneSetOfWeights_AndTwoInboundNodes()
    {
        var a = new Input([5], name: "a");
        var b = new Input([5], name: "b");
        var shared = new Dense(3, name: "shared");
        var sum = new Add(name: "sum").Call([shared.Call(a), shared.Call(b)]);
        var model = new Functional([a, b], sum);
        Assert.Equal(2, shared.InboundNodes.Count);
        Assert.Equal(2, model.Weights.Count);
        Assert.Single(model.Layers, l => l.Name == "shared");
        using var x = torch.ones(2, 5);
        using var y = torch.zeros(2, 5);
        var outputs = model.Call([x, y]);
        using var expected = shared.Call(x) + shared.Call(y);
        Assert.Equal(expected.data<float>().ToArray(), outputs[0].data<float>().ToArray());
        Assert.Throws<InvalidOperationException>(() => shared.Output);
    }

    [Fact]
    public void NestedSequential_InsideFunctional_Trains()
    {
        var encoder = new Keras.Sequential([new Dense(8, activation: "relu", name: "enc_1"), new Dense(4, name: "enc_2")],
            "encoder");
        var inputs = new Input([6]);
        var outputs = new Dense(3, activation: "softmax", name: "head").Call(encoder.Call(inputs));
        var model = new Functional(inputs, outputs);
        Assert.Contains(model.Layers, l => ReferenceEquals(l, encoder));
        Assert.Equal(6, model.Weights.Count);
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy");
        var before = encoder.Weights.SelectMany(w => w.ToArray()).ToArray();
        var (x, y) = TestModels.Classification(64, 6, 3);
        model.Fit(x, y, epochs: 2, verbose: 0);
        Assert.NotEqual(before, encoder.Weights.SelectMany(w => w.ToArray()).ToArray());
    }

    [Fact]
    public void FeatureExtractor_FromIntermediateOutput_MatchesTheFullModelsInternals()
    {
        var inputs = new Input([6]);
        var hidden = new Dense(5, activation: "tanh", name: "hidden").Call(inputs);
        var outputs = new Dense(2, name: "logits").Call(hidden);
        var full = new Functional(inputs, outputs);
        var extractor = new Functional(full.Inputs, full.GetLayer("hidden").Output);
        var (x, _) = TestModels.Classification(10, 6, 2);
        using var features = extractor.Predict(x, verbose: 0);
        var logits = (Dense)full.GetLayer("logits");
        using var recomputed = logits.Call(features);
        using var direct = full.Predict(x, verbose: 0);
        Assert.Equal(direct.data<float>().ToArray(), recomputed.data<float>().ToArray());
    }

    [Fact]
    public void FrozenNestedBase_StaysBitIdentical_WhileTheHeadTrains()
    {
        var baseInputs = new Input([6]);
        var baseModel = new Functional(baseInputs,
            new Dense(8, activation: "relu", name: "base_dense").Call(baseInputs), name: "base");
        baseModel.Trainable = false;
        var model = new Keras.Sequential(new Input([6]), baseModel, new Dense(3, activation: "softmax", name: "new_head"));
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy");
        Assert.Contains(" Non-trainable params: 56 (224.00 B)", model.SummaryText(lineLength: 76));
        var baseBefore = baseModel.Weights.SelectMany(w => w.ToArray()).ToArray();
        var headBefore = model.GetLayer("new_head").Weights.SelectMany(w => w.ToArray()).ToArray();
        var (x, y) = TestModels.Classification(64, 6, 3);
        model.Fit(x, y, epochs: 3, verbose: 0);
        Assert.Equal(baseBefore, baseModel.Weights.SelectMany(w => w.ToArray()).ToArray());
        Assert.NotEqual(headBefore, model.GetLayer("new_head").Weights.SelectMany(w => w.ToArray()).ToArray());
    }

    [Fact]
    public void GraphErrors_AreClear()
    {
        var a = new Input([4], name: "err_a");
        var b = new Input([4], name: "err_b");
        var dense = new Dense(2, name: "err_dense");
        var fromB = dense.Call(b);
        var disconnected = Assert.Throws<ArgumentException>(() => new Functional(a, fromB));
        Assert.StartsWith("Graph disconnected", disconnected.Message);

        var narrow = new Input([3]);
        var incompatible = Assert.Throws<ArgumentException>(() => dense.Call(narrow));
        Assert.Contains("Input 0 of layer \"err_dense\" is incompatible with the layer: expected axis -1 of input shape " +
                        "to have value 4, but received input with shape (None, 3)", incompatible.Message);

        var c = new Input([4]);
        var first = new Dense(2, name: "twin").Call(c);
        var second = new Dense(2, name: "twin").Call(first);
        var duplicate = Assert.Throws<ArgumentException>(() => new Functional(c, second));
        Assert.Contains("The name \"twin\" is used 2 times in the model", duplicate.Message);

        var concat = Assert.Throws<ArgumentException>(() => new Concatenate().Call([new Input([2, 3]), new Input([4, 5])]));
        Assert.Contains("matching shapes except for the concatenation axis", concat.Message);
        Assert.Contains("should be called on a list", Assert.Throws<ArgumentException>(() => new Add().Call(c)).Message);
    }

    [Fact]
    public void MergeLayers_ComputeKerasShapesAndValues()
    {
        var x = new Input([2, 3]);
        var y = new Input([2, 5]);
        Assert.Equal(new Shape(null, 2, 8), new Concatenate().Call([x, y]).Shape);
        Assert.Equal(new Shape(null, 4, 3), new Concatenate(axis: 1).Call([x, x]).Shape);
        using var a = torch.tensor(new float[] { 1, 2 }).reshape(1, 2);
        using var b = torch.tensor(new float[] { 3, 4 }).reshape(1, 2);
        Assert.Equal(new float[] { 4, 6 }, new Add().Call([a, b])[0].data<float>().ToArray());
        Assert.Equal(new float[] { 1, 2, 3, 4 }, new Concatenate().Call([a, b])[0].data<float>().ToArray());
    }

    [Fact]
    public void Layers_InputsAndOutputs_FollowKeras()
    {
        var (model, title, tags) = TwoInTwoOut();
        Assert.Equal(["title", "tags"], model.InputNames.ToArray());
        Assert.Equal(["priority", "department"], model.OutputNames.ToArray());
        Assert.Equal(["title", "tags", "title_dense", "tags_dense", "features", "priority", "department"],
            model.Layers.Select(l => l.Name).ToArray());
        Assert.Same(title, model.Inputs[0]);
        Assert.Same(tags, model.Inputs[1]);
        Assert.Equal(new Shape(null, 3), model.Outputs[1].Shape);
    }

    [Fact]
    public void CustomTrainStep_IsUsedByFit()
    {
        var inputs = new Input([4]);
        var model = new CountingModel(inputs, new Dense(2, activation: "softmax").Call(inputs));
        model.Compile(optimizer: "sgd", loss: "sparse_categorical_crossentropy");
        var (x, y) = TestModels.Classification(40, 4, 2);
        var history = model.Fit(x, y, epochs: 2, batchSize: 10, verbose: 0);
        Assert.Equal(8, model.Steps);
        Assert.Equal(2, history["loss"].Count);
    }

    private sealed class CountingModel(KerasTensor inputs, KerasTensor outputs) : Functional(inputs, outputs)
    {
        internal int Steps { get; private set; }

        protected override void TrainStep(DataBatch data)
        {
            Steps++;
            base.TrainStep(data);
        }
    }

    [Fact]
    public void KerasTensor_ShapesAreInferredWithoutRunningKernels()
    {
        var inputs = new Input([28, 28]);
        var flat = new Flatten().Call(inputs);
        var dense = new Dense(10).Call(flat);
        Assert.Equal(new Shape(null, 784), flat.Shape);
        Assert.Equal(new Shape(null, 10), dense.Shape);
        Assert.Equal("float32", dense.DType);
        Assert.Same(dense.Node.Layer, dense.Layer);
    }
}

public class FunctionalRoundTripTests
{
    [Fact]
    public void OneInputTwoOutputModel_PredictsEveryOutput()
    {
        var x = new Input([3]);
        var model = new Functional(x, [new Dense(1, name: "rt_one").Call(x), new Dense(2, name: "rt_two").Call(x)]);
        var outputs = model.PredictMany(new float[5, 3], verbose: 0);
        Assert.Equal([5L, 1L], outputs[0].shape);
        Assert.Equal([5L, 2L], outputs[1].shape);
        Assert.Contains("use `PredictMany`",
            Assert.Throws<InvalidOperationException>(() => model.Predict(new float[5, 3], verbose: 0)).Message);
    }

    [Fact]
    public void MergeLayers_RoundTripThroughJson_WithTheSameGraph()
    {
        var a = new Input([4], name: "rt_a");
        var b = new Input([4], name: "rt_b");
        var summed = new Add(name: "rt_add").Call([a, b]);
        var joined = new Concatenate(axis: -1, name: "rt_concat").Call([summed, a]);
        var model = new Functional([a, b], new Dense(2, name: "rt_out").Call(joined), name: "rt_model");
        var restored = (Functional)Models.ModelFromJson(model.ToJson());
        Assert.Equal(model.Layers.Select(l => (l.Name, l.ClassName)), restored.Layers.Select(l => (l.Name, l.ClassName)));
        Assert.Equal(model.SummaryText(lineLength: 108), restored.SummaryText(lineLength: 108));
        restored.SetWeights(model.GetWeights());
        using var expected = model.Predict([new float[2, 4], new float[2, 4]], verbose: 0);
        using var actual = restored.Predict([new float[2, 4], new float[2, 4]], verbose: 0);
        Assert.Equal(expected.data<float>().ToArray(), actual.data<float>().ToArray());
    }
}
