using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Keras.Tests.Saving.Legacy;

/// <summary>Runs Debian's <c>/usr/bin/python3</c> (with h5py) and <c>h5dump</c> as independent readers and writers of
/// HDF5 files. CI installs them (apt: python3-h5py, python3-numpy, hdf5-tools); a missing tool fails the test.</summary>
internal static class PythonTool
{
    /// <summary>A Python script kept beside this file in the source tree.</summary>
    internal static string Script(string name) => Path.Combine(Folder(), name);

    /// <summary>Runs <c>/usr/bin/python3 script args…</c> and returns its standard output; fails on a non-zero exit
    /// with the error output in the message.</summary>
    internal static string Python(string script, params string[] args) => Run("/usr/bin/python3", [script, .. args]);

    /// <summary>Runs a program and returns its standard output; fails on a non-zero exit.</summary>
    internal static string Run(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0,
            $"{program} {string.Join(" ", args)} exited with {process.ExitCode}:\n{stderr}\n{stdout.Result}");
        return stdout.Result;
    }

    private static string Folder([CallerFilePath] string here = "") => Path.GetDirectoryName(here)!;
}
