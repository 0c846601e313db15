using Keras.Layers;

namespace Keras.Examples;

/// <summary>The ticket-triage model from Keras' functional API guide: title, body and tags in; priority and department
/// out. Text arrives as bag-of-words vectors here (embeddings and recurrent layers come with the layer catalogue).</summary>
internal static class FunctionalExample
{
    private const int Vocabulary = 200;
    private const int Tags = 12;
    private const int Departments = 4;

    internal static int Run(string[] args)
    {
        Utils.SetRandomSeed(7);
        var title = new Input([Vocabulary], name: "title");
        var body = new Input([Vocabulary], name: "body");
        var tags = new Input([Tags], name: "tags");

        var titleFeatures = new Dense(32, activation: "relu", name: "title_features").Call(title);
        var bodyFeatures = new Dense(16, activation: "relu", name: "body_features").Call(body);
        var features = new Concatenate(name: "features").Call([titleFeatures, bodyFeatures, tags]);
        var priority = new Dense(1, activation: "sigmoid", name: "priority").Call(features);
        var department = new Dense(Departments, activation: "softmax", name: "department").Call(features);

        var model = new Functional([title, body, tags], [priority, department], name: "ticket_classifier");
        model.Summary();

        model.Compile(optimizer: "adam",
            loss: new Dictionary<string, Losses.Loss>
            {
                ["priority"] = "binary_crossentropy",
                ["department"] = "sparse_categorical_crossentropy",
            },
            lossWeights: new Dictionary<string, double> { ["priority"] = 1.0, ["department"] = 0.2 },
            metrics: new Dictionary<string, IEnumerable<Metrics.Metric>>
            {
                ["priority"] = ["accuracy"],
                ["department"] = ["accuracy"],
            });

        var train = Tickets.Generate(1280, seed: 1);
        var test = Tickets.Generate(320, seed: 2);
        model.Fit(
            new Dictionary<string, ArrayLike> { ["title"] = train.Title, ["body"] = train.Body, ["tags"] = train.Tags },
            new Dictionary<string, ArrayLike> { ["priority"] = train.Priority, ["department"] = train.Department },
            epochs: 10, batchSize: 32, validationSplit: 0.2);

        var results = model.Evaluate([test.Title, test.Body, test.Tags], [test.Priority, test.Department], verbose: 0);
        Console.WriteLine($"Test priority accuracy: {results["priority_accuracy"]:F4}, " +
                          $"department accuracy: {results["department_accuracy"]:F4}");
        return 0;
    }

    /// <summary>Synthetic tickets: each department has its own frequent title words; urgent words and the first tags
    /// raise the priority.</summary>
    private static class Tickets
    {
        internal static (float[,] Title, float[,] Body, float[,] Tags, float[,] Priority, byte[] Department) Generate(
            int count, int seed)
        {
            var random = new Random(seed);
            var title = new float[count, Vocabulary];
            var body = new float[count, Vocabulary];
            var tags = new float[count, Tags];
            var priority = new float[count, 1];
            var department = new byte[count];
            for (int i = 0; i < count; i++)
            {
                int d = random.Next(Departments);
                department[i] = (byte)d;
                bool urgent = random.NextDouble() < 0.4;
                for (int w = 0; w < 6; w++)
                {
                    int word = random.NextDouble() < 0.6 ? d * 40 + random.Next(40) : random.Next(Vocabulary);
                    title[i, word] = 1;
                }
                for (int w = 0; w < 20; w++)
                {
                    body[i, random.Next(Vocabulary)] = 1;
                }
                if (urgent)
                {
                    title[i, 160 + random.Next(5)] = 1;
                    tags[i, random.Next(3)] = 1;
                }
                tags[i, 3 + random.Next(Tags - 3)] = 1;
                priority[i, 0] = urgent ? 1 : 0;
            }
            return (title, body, tags, priority, department);
        }
    }
}
