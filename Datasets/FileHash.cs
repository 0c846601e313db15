using System.Security.Cryptography;

namespace Keras.Datasets;

/// <summary>File hashes as Keras' <c>get_file</c> checks them: SHA-256 for a 64-character hash, else MD5 (Keras'
/// <c>hash_algorithm="auto"</c>), as lower-case hex.</summary>
internal static class FileHash
{
    /// <summary>The SHA-256 of a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The hash as lower-case hex.</returns>
    internal static string Sha256(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The hash of a file by the algorithm Keras infers from <paramref name="expected"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="expected">The published hash: 64 hex digits for SHA-256, else MD5.</param>
    /// <returns>The file's hash as lower-case hex.</returns>
    internal static string Compute(string path, string expected)
    {
        using FileStream stream = File.OpenRead(path);
        byte[] hash = IsSha256(expected) ? SHA256.HashData(stream) : MD5.HashData(stream);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The algorithm Keras' <c>resolve_hasher("auto", hash)</c> picks, by name.</summary>
    /// <param name="expected">The published hash.</param>
    /// <returns><c>sha256</c> or <c>md5</c>.</returns>
    internal static string AlgorithmName(string expected) => IsSha256(expected) ? "sha256" : "md5";

    /// <summary>The hash of everything appended to an incremental hash, as lower-case hex.</summary>
    /// <param name="hash">The incremental hash.</param>
    /// <returns>The hash as lower-case hex.</returns>
    internal static string Finish(IncrementalHash hash) => Convert.ToHexStringLower(hash.GetHashAndReset());

    /// <summary>Whether two hex hashes are equal, ignoring case.</summary>
    /// <param name="expected">The published hash.</param>
    /// <param name="actual">The computed hash.</param>
    /// <returns>Whether they match.</returns>
    internal static bool Matches(string expected, string actual) =>
        string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase);

    private static bool IsSha256(string expected) => expected.Length == 64;
}
