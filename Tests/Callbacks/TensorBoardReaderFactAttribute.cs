using System.Diagnostics;

namespace Keras.Tests.Callbacks;

/// <summary>A fact that runs Tests/Golden/TensorBoard/read_events.py: skipped, saying why, when
/// <c>/usr/bin/python3</c> lacks Debian's python3-protobuf or python3-crcmod (CI installs both).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TensorBoardReaderFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> MissingReason = new(FindMissing);

    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the reader's modules are missing.</summary>
    public TensorBoardReaderFactAttribute()
    {
        if (MissingReason.Value is { } reason)
        {
            Skip = reason;
        }
    }

    private static string? FindMissing()
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python))
        {
            return $"{python} is missing: the independent TensorBoard event reader cannot run.";
        }
        var info = new ProcessStartInfo(python, ["-c", "import google.protobuf, crcmod.predefined"])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? null
            : $"{python} lacks python3-protobuf or python3-crcmod (apt-get install python3-protobuf python3-crcmod): " +
              error.Trim().Split('\n').LastOrDefault();
    }
}
