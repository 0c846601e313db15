namespace Keras.Examples;

/// <summary>Dispatches <c>dotnet run --project Examples -- &lt;command&gt; [options]</c> to an example.</summary>
internal static class ExampleRunner
{
    private static readonly Dictionary<string, (string Description, Func<string[], int> Run)> Commands = new()
    {
        ["quickstart"] = ("The Keras beginner tutorial: an MLP classifier (default: embedded digits; " +
                          "--dataset fashion_mnist|mnist for the full tutorial).", QuickStart.Run),
        ["functional"] = ("A multi-input, multi-output functional model (ticket title, body and tags -> priority and " +
                          "department), as in Keras' functional API guide, on generated data.", FunctionalExample.Run),
        ["cnn"] = ("Keras' simple convnet (two Conv2D + MaxPooling2D blocks, Dropout, Dense) on Fashion-MNIST.",
            CnnExample.Run),
        ["text"] = ("Text classification: TextVectorization, Embedding(maskZero), Bidirectional(LSTM) on generated " +
                    "reviews with negations.", TextClassifierExample.Run),
        ["transfer-learning"] = ("Transfer learning: ML.NET's pretrained ResNet18 imported from ONNX, frozen, new head " +
                                 "on Fashion-MNIST, then fine-tuned; vs. a random-init ResNet18.",
            TransferLearningExample.Run),
    };

    internal static int Run(string[] args)
    {
        string command = args.Length > 0 ? args[0] : "quickstart";
        if (command is "-h" or "--help" or "help")
        {
            PrintHelp();
            return 0;
        }
        if (command == "backup-demo")
        {
            // Hidden: the child process of the BackupAndRestore kill-and-restart tests.
            return BackupDemo.Run(args.Skip(1).ToArray());
        }
        if (!Commands.TryGetValue(command, out var entry))
        {
            Console.Error.WriteLine($"Unknown example \"{command}\".");
            PrintHelp();
            return 2;
        }
        return entry.Run(args.Skip(1).ToArray());
    }

    private static void PrintHelp()
    {
        Console.WriteLine("Usage: dotnet run --project Examples -- <example> [options]");
        foreach (var (name, (description, _)) in Commands)
        {
            Console.WriteLine($"  {name,-12} {description}");
        }
    }
}
