using System.Diagnostics;
using Keras.Examples;

namespace Keras.Tests.Callbacks;

// A real crash: the Examples' hidden `backup-demo` command trains a seeded Dense+Dropout model (shuffled, with a
// validation split) in a child process, which is killed in the middle of an epoch after a backup was written and then
// started again with the same arguments. Its final weights (as float bits) and History (round-trip text) must equal
// those of an uninterrupted child run, byte for byte. Slow: three child processes per case, 10-12 s
// each (both cases 22 s) on the shared 2-core machine at load 50, 26-33 s each at load 84.
[Trait("Category", "Slow")]
public sealed class BackupAndRestoreKillTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "keras-kill-" + Guid.NewGuid().ToString("N"));

    public BackupAndRestoreKillTests() => Directory.CreateDirectory(_directory);

    /// <summary>Deletes the test's temporary directory.</summary>
    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("epoch", "batch 2 4")]
    [InlineData("3", "batch 2 5")]
    public async Task KilledMidEpochThenRestarted_EndsLikeAnUninterruptedRun(string saveFreq, string killAfter)
    {
        string expected = Path.Combine(_directory, "uninterrupted.txt");
        string resumed = Path.Combine(_directory, "resumed.txt");
        string backup = Path.Combine(_directory, "backup");
        var uninterrupted = RunToEnd("--out", expected, "--save-freq", saveFreq);

        var lines = new List<string>();
        using (var victim = Start(["--out", resumed, "--backup", backup, "--save-freq", saveFreq, "--delay-ms", "40"]))
        {
            string? line;
            while ((line = await victim.StandardOutput.ReadLineAsync().WaitAsync(Limit)) is not null)
            {
                lines.Add(line);
                if (line == killAfter)
                {
                    victim.Kill(entireProcessTree: true);
                    break;
                }
            }
            await victim.WaitForExitAsync().WaitAsync(Limit);
        }
        Assert.Contains(killAfter, lines);
        Assert.Contains("epoch 1", lines);
        Assert.DoesNotContain("done", lines);
        Assert.False(File.Exists(resumed));
        Assert.True(File.Exists(Path.Combine(backup, "training_metadata.json")));

        var restarted = await RunToEnd("--out", resumed, "--backup", backup, "--save-freq", saveFreq);
        // The restart goes on from the backup: it neither repeats epochs 0-1 nor starts from scratch.
        Assert.DoesNotContain("epoch 0", restarted);
        Assert.DoesNotContain("epoch 1", restarted);
        Assert.Contains("epoch 5", restarted);
        await uninterrupted;
        Assert.Equal(File.ReadAllText(expected), File.ReadAllText(resumed));
        Assert.False(Directory.Exists(backup));
    }

    private static Process Start(string[] args)
    {
        string dll = typeof(QuickStart).Assembly.Location;
        string runtimeConfig = Path.ChangeExtension(dll, ".runtimeconfig.json");
        Assert.True(File.Exists(runtimeConfig), $"The Examples' runtime config is missing: {runtimeConfig}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in (string[])[dll, "backup-demo", .. args])
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info)!;
        // Drain stderr so a chatty child cannot block on a full pipe.
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private static async Task<List<string>> RunToEnd(params string[] args)
    {
        using var process = Start(args);
        var lines = new List<string>();
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync().WaitAsync(Limit)) is not null)
        {
            lines.Add(line);
        }
        await process.WaitForExitAsync().WaitAsync(Limit);
        Assert.True(process.ExitCode == 0, $"backup-demo {string.Join(" ", args)} exited with {process.ExitCode}.");
        Assert.Equal("done", lines[^1]);
        return lines;
    }
}
