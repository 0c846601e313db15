namespace Keras.Applications;

/// <summary>One of Keras' published weight files: its cache name, where Keras downloads it from, and its hash.</summary>
/// <param name="FileName">The file name in <c>&lt;cache&gt;/models/</c>, exactly Keras' (for example
/// <c>resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5</c>).</param>
/// <param name="Origin">The URL Keras downloads it from.</param>
/// <param name="Hash">Keras' <c>file_hash</c>: MD5 (32 hex digits) or SHA-256 (64), or <see langword="null"/> where Keras
/// publishes none (MobileNet, MobileNetV2).</param>
internal sealed record WeightsFile(string FileName, string Origin, string? Hash)
{
    /// <summary>The folder of Keras' application weights, under which each family has a subfolder.</summary>
    internal const string KerasApplicationsBase = "https://storage.googleapis.com/tensorflow/keras-applications/";

    /// <summary>A file in <see cref="KerasApplicationsBase"/>/<paramref name="folder"/>/.</summary>
    /// <param name="folder">The family's folder, such as <c>resnet</c>.</param>
    /// <param name="fileName">The file name.</param>
    /// <param name="hash">Keras' <c>file_hash</c>, or <see langword="null"/>.</param>
    /// <returns>The file.</returns>
    internal static WeightsFile InKerasApplications(string folder, string fileName, string? hash) =>
        new(fileName, $"{KerasApplicationsBase}{folder}/{fileName}", hash);
}
