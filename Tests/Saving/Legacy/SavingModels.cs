using Keras.Layers;

namespace Keras.Tests.Saving.Legacy;

/// <summary>The models the saving tests round-trip, with fixed layer names so files can be compared.</summary>
internal static class SavingModels
{
    internal static Sequential Mlp() => new(
        [new Input([6], name: "features").Layer, new Dense(8, activation: "relu", name: "hidden"),
         new Dense(3, activation: "softmax", name: "probs")], "mlp");

    internal static Functional TwoInTwoOut()
    {
        var title = new Input([6], name: "title");
        var tags = new Input([4], name: "tags");
        var features = new Concatenate(name: "features").Call([
            new Dense(8, activation: "relu", name: "title_dense").Call(title),
            new Dense(4, activation: "relu", name: "tags_dense").Call(tags)]);
        var priority = new Dense(1, activation: "sigmoid", name: "priority").Call(features);
        var department = new Dense(3, activation: "softmax", name: "department").Call(features);
        return new Functional([title, tags], [priority, department], name: "ticket_classifier");
    }

    internal static Functional Nested()
    {
        var encoder = new Sequential([new Dense(8, activation: "relu", name: "enc_1"), new Dense(4, name: "enc_2")],
            "encoder");
        var inputs = new Input([6], name: "raw");
        var outputs = new Dense(3, activation: "softmax", name: "head").Call(encoder.Call(inputs));
        return new Functional(inputs, outputs, name: "nested");
    }

    internal static Sequential BatchNorm() => new(
        [new Input([6], name: "bn_in").Layer, new Dense(8, name: "pre"), new BatchNormalization(name: "bn"),
         new Dense(3, activation: "softmax", name: "bn_probs")], "bn_model");

    internal static Sequential Recurrent() => new(
        [new Input([5, 3], name: "sequence").Layer, new Bidirectional(new LSTM(4, name: "lstm"), name: "bidi"),
         new Dense(3, activation: "softmax", name: "rnn_probs")], "rnn_model");

    internal static float[,,] Sequences(int samples, int seed = 2)
    {
        var random = new Random(seed);
        var x = new float[samples, 5, 3];
        for (int i = 0; i < samples; i++)
        {
            for (int t = 0; t < 5; t++)
            {
                for (int f = 0; f < 3; f++)
                {
                    x[i, t, f] = (float)random.NextDouble();
                }
            }
        }
        return x;
    }
}
