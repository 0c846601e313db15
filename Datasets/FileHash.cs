using System.Security.Cryptography;

namespace Keras.Datasets;

/// <summary>SHA-256 helpers for Keras' published file hashes (lower-case hex, as Keras writes them).</summary>
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

    /// <summary>The hash of everything appended to an incremental SHA-256, as lower-case hex.</summary>
    /// <param name="hash">The incremental hash.</param>
    /// <returns>The hash as lower-case hex.</returns>
    internal static string Finish(IncrementalHash hash) => Convert.ToHexStringLower(hash.GetHashAndReset());

    /// <summary>Whether two hex hashes are equal, ignoring case.</summary>
    /// <param name="expected">The published hash.</param>
    /// <param name="actual">The computed hash.</param>
    /// <returns>Whether they match.</returns>
    internal static bool Matches(string expected, string actual) =>
        string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase);
}
