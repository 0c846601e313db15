using Keras.Data;

namespace Keras;

/// <summary><c>keras.utils.text_dataset_from_directory</c>, added to <see cref="Utils"/>: the <c>.txt</c> files of
/// class subfolders as a <see cref="TextDataset"/>.</summary>
/// <example><code>
/// // reviews/neg/*.txt, reviews/pos/*.txt
/// var (train, val) = Utils.TextDatasetsFromDirectory("reviews", validationSplit: 0.2, seed: 42);
/// Console.WriteLine(string.Join(", ", train.ClassNames!));   // neg, pos
/// </code></example>
public static class TextDatasetUtils
{
    private static readonly string[] Formats = [".txt"];

    extension(Utils)
    {
        /// <summary>The text files of <paramref name="directory"/>, labelled by subfolder
        /// (<c>keras.utils.text_dataset_from_directory</c>).</summary>
        /// <param name="directory">With <c>labels: "inferred"</c>, one subfolder per class.</param>
        /// <param name="labels"><c>"inferred"</c> (the default), null (no labels), or one integer label per file in
        /// sorted path order.</param>
        /// <param name="labelMode"><c>"int"</c> (the default), <c>"categorical"</c>, <c>"binary"</c> or null.</param>
        /// <param name="classNames">With inferred labels, the subfolders to use, in label order. Defaults to
        /// null.</param>
        /// <param name="batchSize">Texts per batch. Defaults to 32; null for single texts.</param>
        /// <param name="maxLength">Cut each text to this many bytes. Defaults to null (whole files).</param>
        /// <param name="shuffle">Shuffle the files once (NumPy's generator, as Keras) and, in
        /// <see cref="TextDataset.Vectorize"/>, at each pass. Defaults to true.</param>
        /// <param name="seed">The shuffle seed. Defaults to null (a random one); required with a validation split and
        /// shuffling.</param>
        /// <param name="validationSplit">The fraction of files for validation. Defaults to null.</param>
        /// <param name="subset"><c>"training"</c> or <c>"validation"</c> with <paramref name="validationSplit"/>;
        /// for both, call <c>TextDatasetsFromDirectory</c>.</param>
        /// <param name="followLinks">Visit subfolders that are symbolic links. Defaults to false.</param>
        /// <param name="verbose">Print how many files and classes were found. Defaults to true.</param>
        /// <returns>The texts and labels.</returns>
        /// <exception cref="ArgumentException">An invalid argument, with Keras' message.</exception>
        public static TextDataset TextDatasetFromDirectory(string directory, DirectoryLabels labels = default,
            string? labelMode = "int", IReadOnlyList<string>? classNames = null, int? batchSize = 32,
            int? maxLength = null, bool shuffle = true, int? seed = null, double? validationSplit = null,
            string? subset = null, bool followLinks = false, bool verbose = true)
        {
            if (subset == "both")
            {
                throw new ArgumentException(
                    "subset=\"both\" returns two datasets: call Utils.TextDatasetsFromDirectory.", nameof(subset));
            }
            var (index, usedSeed, mode) = Index(directory, labels, labelMode, classNames, batchSize, shuffle, seed,
                validationSplit, subset, followLinks, verbose);
            var part = index.Split(validationSplit, subset ?? "training", verbose ? Console.Out : null);
            if (part.FilePaths.Count == 0)
            {
                throw new ArgumentException(
                    $"No text files found in directory {directory}. Allowed format: .txt", nameof(directory));
            }
            return new TextDataset(part.FilePaths, part.Labels, part.ClassNames, mode, batchSize, maxLength, shuffle,
                usedSeed);
        }

        /// <summary>The training and validation text datasets of a directory (<c>subset="both"</c>); the
        /// validation one is not shuffled.</summary>
        /// <param name="directory">As <c>TextDatasetFromDirectory</c>.</param>
        /// <param name="validationSplit">The fraction of files for validation, between 0 and 1.</param>
        /// <param name="seed">The shuffle seed; required when <paramref name="shuffle"/> is true.</param>
        /// <param name="labels">As <c>TextDatasetFromDirectory</c>. Defaults to <c>"inferred"</c>.</param>
        /// <param name="labelMode">As <c>TextDatasetFromDirectory</c>. Defaults to <c>"int"</c>.</param>
        /// <param name="classNames">As <c>TextDatasetFromDirectory</c>. Defaults to null.</param>
        /// <param name="batchSize">As <c>TextDatasetFromDirectory</c>. Defaults to 32.</param>
        /// <param name="maxLength">As <c>TextDatasetFromDirectory</c>. Defaults to null.</param>
        /// <param name="shuffle">As <c>TextDatasetFromDirectory</c>. Defaults to true.</param>
        /// <param name="followLinks">As <c>TextDatasetFromDirectory</c>. Defaults to false.</param>
        /// <param name="verbose">As <c>TextDatasetFromDirectory</c>. Defaults to true.</param>
        /// <returns>The two datasets.</returns>
        /// <exception cref="ArgumentException">An invalid argument, or a subset without files.</exception>
        public static (TextDataset Training, TextDataset Validation) TextDatasetsFromDirectory(string directory,
            double validationSplit, int? seed, DirectoryLabels labels = default, string? labelMode = "int",
            IReadOnlyList<string>? classNames = null, int? batchSize = 32, int? maxLength = null, bool shuffle = true,
            bool followLinks = false, bool verbose = true)
        {
            var (index, usedSeed, mode) = Index(directory, labels, labelMode, classNames, batchSize, shuffle, seed,
                validationSplit, "both", followLinks, verbose);
            var log = verbose ? Console.Out : null;
            var training = index.Split(validationSplit, "training", log);
            var validation = index.Split(validationSplit, "validation", log);
            if (training.FilePaths.Count == 0)
            {
                throw new ArgumentException(
                    $"No training text files found in directory {directory}. Allowed format: .txt", nameof(directory));
            }
            if (validation.FilePaths.Count == 0)
            {
                throw new ArgumentException(
                    $"No validation text files found in directory {directory}. Allowed format: .txt",
                    nameof(directory));
            }
            return (
                new TextDataset(training.FilePaths, training.Labels, training.ClassNames, mode, batchSize, maxLength,
                    shuffle, usedSeed),
                new TextDataset(validation.FilePaths, validation.Labels, validation.ClassNames, mode, batchSize,
                    maxLength, false, usedSeed));
        }
    }

    private static (DirectoryIndex Index, int Seed, string? LabelMode) Index(string directory, DirectoryLabels labels,
        string? labelMode, IReadOnlyList<string>? classNames, int? batchSize, bool shuffle, int? seed,
        double? validationSplit, string? subset, bool followLinks, bool verbose)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!labels.IsInferred && classNames is not null)
        {
            throw new ArgumentException(
                "You can only pass `class_names` if `labels=\"inferred\"`. Received: " +
                $"labels={labels}, and class_names={string.Join(", ", classNames)}", nameof(classNames));
        }
        DirectoryIndex.CheckLabelMode(labelMode);
        if (batchSize is <= 0)
        {
            throw new ArgumentException($"`batch_size` must be positive. Received: batch_size={batchSize}",
                nameof(batchSize));
        }
        if (labels.IsNone || labelMode is null)
        {
            labels = DirectoryLabels.None;
            labelMode = null;
        }
        DirectoryIndex.CheckValidationSplit(validationSplit, subset, shuffle, seed);
        int usedSeed = seed ?? DirectoryIndex.DrawSeed();
        var index = DirectoryIndex.Build(directory, labels, Formats, classNames, shuffle, usedSeed, followLinks,
            verbose ? Console.Out : null);
        if (labelMode == "binary" && index.ClassNames!.Count != 2)
        {
            throw new ArgumentException(
                "When passing `label_mode=\"binary\"`, there must be exactly 2 class_names. Received: " +
                $"class_names={string.Join(", ", index.ClassNames)}", nameof(labels));
        }
        return (index, usedSeed, labelMode);
    }
}
