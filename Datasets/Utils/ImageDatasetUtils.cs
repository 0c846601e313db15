using Keras.Data;

namespace Keras;

/// <summary><c>keras.utils.image_dataset_from_directory</c>, added to <see cref="Utils"/>: a batched
/// <see cref="Dataset"/> of images decoded lazily from class subfolders.</summary>
/// <example><code>
/// // photos/cat/*.jpg, photos/dog/*.png
/// var (train, val) = Utils.ImageDatasetsFromDirectory("photos", validationSplit: 0.2, seed: 1337,
///     imageSize: (180, 180));
/// Console.WriteLine(string.Join(", ", train.ClassNames!));   // cat, dog
/// model.Fit(train, epochs: 10, validationData: val);
/// </code></example>
public static class ImageDatasetUtils
{
    /// <summary>The image extensions Keras indexes.</summary>
    internal static readonly string[] AllowedFormats = [".bmp", ".gif", ".jpeg", ".jpg", ".png"];

    extension(Utils)
    {
        /// <summary>A dataset of the images in <paramref name="directory"/>, labelled by subfolder
        /// (<c>keras.utils.image_dataset_from_directory</c>).</summary>
        /// <param name="directory">With <c>labels: "inferred"</c>, one subfolder per class; otherwise every image
        /// below it, in sorted path order.</param>
        /// <param name="labels"><c>"inferred"</c> (the default, from the subfolder names), null (no labels), or one
        /// integer label per file (<c>[0, 1, ...]</c>) in sorted path order.</param>
        /// <param name="labelMode"><c>"int"</c> (the default: int32 of shape (batch)), <c>"categorical"</c>
        /// (float32 one-hot, (batch, classes)), <c>"binary"</c> (float32, (batch, 1); exactly 2 classes) or null (no
        /// labels).</param>
        /// <param name="classNames">With inferred labels, the subfolders to use, in label order. Defaults to null
        /// (all, sorted).</param>
        /// <param name="colorMode"><c>"rgb"</c> (the default, 3 channels), <c>"grayscale"</c> (1) or <c>"rgba"</c>
        /// (4).</param>
        /// <param name="batchSize">The batch size. Defaults to 32; null yields single images.</param>
        /// <param name="imageSize">(height, width) every image is resized to. Defaults to (256, 256).</param>
        /// <param name="shuffle">Shuffle the files (once, as Keras with NumPy's generator) and the elements at each
        /// pass (buffer of 8 batches). Defaults to true; false keeps the sorted order.</param>
        /// <param name="seed">The shuffle seed. Defaults to null (a random one); required with
        /// <paramref name="validationSplit"/> and shuffling.</param>
        /// <param name="validationSplit">The fraction of files for validation (the last ones after the shuffle).
        /// Defaults to null.</param>
        /// <param name="subset"><c>"training"</c> or <c>"validation"</c> with <paramref name="validationSplit"/>;
        /// for both, call <c>ImageDatasetsFromDirectory</c>.</param>
        /// <param name="interpolation"><c>"bilinear"</c> (the default), <c>"nearest"</c> or <c>"bicubic"</c>, as
        /// <c>keras.ops.image.resize</c> (half-pixel centers, no antialiasing).</param>
        /// <param name="followLinks">Visit subfolders that are symbolic links. Defaults to false.</param>
        /// <param name="cropToAspectRatio">Resize the largest centered window with the target aspect ratio.
        /// Defaults to false.</param>
        /// <param name="padToAspectRatio">Pad the image to the target aspect ratio with zeros before resizing.
        /// Defaults to false.</param>
        /// <param name="dataFormat"><c>"channels_last"</c> (the default) or <c>"channels_first"</c>.</param>
        /// <param name="verbose">Print how many files and classes were found. Defaults to true.</param>
        /// <returns>A dataset of float32 images with values 0 to 255 and, unless there are no labels, their labels;
        /// its <c>ClassNames</c> are the class names.</returns>
        /// <exception cref="ArgumentException">An invalid argument, with Keras' message.</exception>
        /// <exception cref="NotSupportedException">An interpolation Keras has but Keras.Net's resize does not
        /// (<c>"area"</c>, <c>"lanczos3"</c>, <c>"lanczos5"</c>, <c>"gaussian"</c>, <c>"mitchellcubic"</c>).</exception>
        public static Dataset ImageDatasetFromDirectory(string directory, DirectoryLabels labels = default,
            string? labelMode = "int", IReadOnlyList<string>? classNames = null, string colorMode = "rgb",
            int? batchSize = 32, (int Height, int Width)? imageSize = null, bool shuffle = true, int? seed = null,
            double? validationSplit = null, string? subset = null, string interpolation = "bilinear",
            bool followLinks = false, bool cropToAspectRatio = false, bool padToAspectRatio = false,
            string dataFormat = "channels_last", bool verbose = true)
        {
            if (subset == "both")
            {
                throw new ArgumentException(
                    "subset=\"both\" returns two datasets: call Utils.ImageDatasetsFromDirectory.", nameof(subset));
            }
            var options = new ImageDatasetOptions(labelMode, colorMode, batchSize, imageSize ?? (256, 256), shuffle,
                interpolation, cropToAspectRatio, padToAspectRatio, dataFormat);
            var (index, usedSeed) = Index(directory, labels, options, classNames, seed, validationSplit, subset,
                followLinks, verbose);
            var part = index.Split(validationSplit, subset ?? "training", verbose ? Console.Out : null);
            if (part.FilePaths.Count == 0)
            {
                throw new ArgumentException(
                    $"No images found in directory {directory}. Allowed formats: {FormatList()}", nameof(directory));
            }
            return options.ToDataset(part, shuffle, usedSeed);
        }

        /// <summary>The training and validation datasets of a directory (<c>image_dataset_from_directory</c> with
        /// <c>subset="both"</c>); the validation one is not shuffled.</summary>
        /// <param name="directory">The directory, as <c>ImageDatasetFromDirectory</c>.</param>
        /// <param name="validationSplit">The fraction of files for validation, between 0 and 1.</param>
        /// <param name="seed">The shuffle seed; required when <paramref name="shuffle"/> is true.</param>
        /// <param name="labels">As <c>ImageDatasetFromDirectory</c>. Defaults to <c>"inferred"</c>.</param>
        /// <param name="labelMode">As <c>ImageDatasetFromDirectory</c>. Defaults to <c>"int"</c>.</param>
        /// <param name="classNames">As <c>ImageDatasetFromDirectory</c>. Defaults to null.</param>
        /// <param name="colorMode">As <c>ImageDatasetFromDirectory</c>. Defaults to <c>"rgb"</c>.</param>
        /// <param name="batchSize">As <c>ImageDatasetFromDirectory</c>. Defaults to 32.</param>
        /// <param name="imageSize">As <c>ImageDatasetFromDirectory</c>. Defaults to (256, 256).</param>
        /// <param name="shuffle">As <c>ImageDatasetFromDirectory</c>. Defaults to true.</param>
        /// <param name="interpolation">As <c>ImageDatasetFromDirectory</c>. Defaults to <c>"bilinear"</c>.</param>
        /// <param name="followLinks">As <c>ImageDatasetFromDirectory</c>. Defaults to false.</param>
        /// <param name="cropToAspectRatio">As <c>ImageDatasetFromDirectory</c>. Defaults to false.</param>
        /// <param name="padToAspectRatio">As <c>ImageDatasetFromDirectory</c>. Defaults to false.</param>
        /// <param name="dataFormat">As <c>ImageDatasetFromDirectory</c>. Defaults to <c>"channels_last"</c>.</param>
        /// <param name="verbose">As <c>ImageDatasetFromDirectory</c>. Defaults to true.</param>
        /// <returns>The two datasets, with the same class names.</returns>
        /// <exception cref="ArgumentException">An invalid argument, or a subset without files.</exception>
        public static (Dataset Training, Dataset Validation) ImageDatasetsFromDirectory(string directory,
            double validationSplit, int? seed, DirectoryLabels labels = default, string? labelMode = "int",
            IReadOnlyList<string>? classNames = null, string colorMode = "rgb", int? batchSize = 32,
            (int Height, int Width)? imageSize = null, bool shuffle = true, string interpolation = "bilinear",
            bool followLinks = false, bool cropToAspectRatio = false, bool padToAspectRatio = false,
            string dataFormat = "channels_last", bool verbose = true)
        {
            var options = new ImageDatasetOptions(labelMode, colorMode, batchSize, imageSize ?? (256, 256), shuffle,
                interpolation, cropToAspectRatio, padToAspectRatio, dataFormat);
            var (index, usedSeed) = Index(directory, labels, options, classNames, seed, validationSplit, "both",
                followLinks, verbose);
            var log = verbose ? Console.Out : null;
            var training = index.Split(validationSplit, "training", log);
            var validation = index.Split(validationSplit, "validation", log);
            if (training.FilePaths.Count == 0)
            {
                throw new ArgumentException(
                    $"No training images found in directory {directory}. Allowed formats: {FormatList()}",
                    nameof(directory));
            }
            if (validation.FilePaths.Count == 0)
            {
                throw new ArgumentException(
                    $"No validation images found in directory {directory}. Allowed formats: {FormatList()}",
                    nameof(directory));
            }
            return (options.ToDataset(training, shuffle, usedSeed), options.ToDataset(validation, false, usedSeed));
        }
    }

    private static (DirectoryIndex Index, int Seed) Index(string directory, DirectoryLabels labels,
        ImageDatasetOptions options, IReadOnlyList<string>? classNames, int? seed, double? validationSplit,
        string? subset, bool followLinks, bool verbose)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!labels.IsInferred && classNames is not null)
        {
            throw new ArgumentException(
                "You can only pass `class_names` if `labels=\"inferred\"`. Received: " +
                $"labels={labels}, and class_names={string.Join(", ", classNames)}", nameof(classNames));
        }
        if (labels.IsNone || options.LabelMode is null)
        {
            labels = DirectoryLabels.None;
        }
        DirectoryIndex.CheckValidationSplit(validationSplit, subset, options.Shuffle, seed);
        int usedSeed = seed ?? DirectoryIndex.DrawSeed();
        var index = DirectoryIndex.Build(directory, labels, AllowedFormats, classNames, options.Shuffle, usedSeed,
            followLinks, verbose ? Console.Out : null);
        if (options.LabelMode == "binary" && index.ClassNames!.Count != 2)
        {
            throw new ArgumentException(
                "When passing `label_mode=\"binary\"`, there must be exactly 2 class_names. Received: " +
                $"class_names={string.Join(", ", index.ClassNames)}", nameof(labels));
        }
        return (index, usedSeed);
    }

    private static string FormatList() => $"({string.Join(", ", AllowedFormats.Select(f => $"'{f}'"))})";
}
