using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Keras.Benchmarks;

/// <summary>Runs a fresh process (this harness with <c>--child</c>, or Python) and reads its <c>RESULT {json}</c> line.</summary>
internal static class ChildProcess
{
    internal const string ResultPrefix = "RESULT ";

    /// <summary>Re-invokes this harness (apphost or <c>dotnet Keras.Net.Benchmarks.dll</c>) with the given arguments.</summary>
    internal static JsonElement RunSelf(string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("The process path is unknown.");
        bool viaDotnet = Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        string[] fullArgs = viaDotnet ? [typeof(ChildProcess).Assembly.Location, .. args] : args;
        return Run(host, fullArgs, environment);
    }

    /// <summary>Prints a child's result line for the parent to read.</summary>
    internal static void WriteResult(object result) =>
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));

    internal static JsonElement Run(string fileName, IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        string? result = null;
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null)
        {
            if (line.StartsWith(ResultPrefix, StringComparison.Ordinal))
            {
                result = line[ResultPrefix.Length..];
            }
        }
        process.WaitForExit();
        if (process.ExitCode != 0 || result is null)
        {
            string tail;
            lock (stderr)
            {
                tail = stderr.ToString();
            }
            throw new InvalidOperationException(
                $"`{fileName} {string.Join(' ', start.ArgumentList)}` exited with code {process.ExitCode} " +
                $"without a result line.\n{tail[Math.Max(0, tail.Length - 4000)..]}");
        }
        return JsonDocument.Parse(result).RootElement.Clone();
    }
}
