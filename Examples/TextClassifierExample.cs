using Keras.Examples.Text;
using Keras.Layers;

namespace Keras.Examples;

/// <summary>Text classification as in Keras' "text classification from scratch" guide, on a generated review corpus
/// where negations flip the sentiment: TextVectorization turns strings into token ids (fitted with <c>Adapt</c>), then
/// Embedding(maskZero) → Bidirectional(LSTM) → Dense(sigmoid) learns from the padded sequences.</summary>
/// <remarks>Strings are vectorized before the model, as Keras recommends for training (in <c>tf.data</c>); the model
/// itself takes int64 token ids, and the padding id 0 is masked all the way through the LSTM.</remarks>
internal static class TextClassifierExample
{
    private const int MaxTokens = 200;
    private const int SequenceLength = 12;

    internal static int Run(string[] args)
    {
        int epochs = ExampleArgs.IntOption(args, "--epochs", 8);
        int seed = ExampleArgs.IntOption(args, "--seed", 42);
        double accuracy = Train(epochs, seed, verbose: 1);
        Console.WriteLine($"Test accuracy: {accuracy:F4}");
        return 0;
    }

    /// <summary>Trains on 2,000 generated reviews and returns the accuracy on 500 held-out ones.</summary>
    internal static double Train(int epochs, int seed, int verbose)
    {
        Utils.SetRandomSeed(seed);
        var (trainTexts, trainLabels) = ReviewCorpus.Generate(2000, seed: 1);
        var (testTexts, testLabels) = ReviewCorpus.Generate(500, seed: 2);

        var vectorizer = new TextVectorization(maxTokens: MaxTokens, outputSequenceLength: SequenceLength);
        vectorizer.Adapt(trainTexts);
        if (verbose > 0)
        {
            Console.WriteLine($"Vocabulary: {vectorizer.VocabularySize()} tokens, e.g. " +
                              string.Join(", ", vectorizer.GetVocabulary().Take(8).Select(t => $"\"{t}\"")));
            Console.WriteLine($"\"{trainTexts[0]}\" -> [{string.Join(", ", vectorizer.Call([trainTexts[0]]).data<long>().ToArray())}]");
        }

        var model = new Sequential(
            new Input([SequenceLength], dtype: "int64"),
            new Embedding(vectorizer.VocabularySize(), 16, maskZero: true),
            new Bidirectional(new LSTM(16)),
            new Dense(1, activation: "sigmoid"));
        if (verbose > 0)
        {
            model.Summary();
        }
        model.Compile(optimizer: "adam", loss: "binary_crossentropy", metrics: ["accuracy"]);
        model.Fit(vectorizer.Call(trainTexts), trainLabels, batchSize: 32, epochs: epochs, validationSplit: 0.1,
            verbose: verbose);
        return model.Evaluate(vectorizer.Call(testTexts), testLabels, verbose: verbose == 0 ? 0 : 2)["accuracy"];
    }
}
