using System.Globalization;

namespace Keras.Callbacks;

/// <summary>One TensorBoard event file, as <c>tf.summary.create_file_writer(dir)</c> makes it:
/// <c>dir/events.out.tfevents.&lt;seconds&gt;.&lt;host&gt;.&lt;pid&gt;.&lt;n&gt;.v2</c>, a TFRecord stream whose first
/// event is the <c>file_version</c>.</summary>
internal sealed class SummaryFileWriter : IDisposable
{
    private static long _fileCounter;
    private readonly FileStream _stream;

    /// <summary>Creates <paramref name="directory"/> if needed and a new event file in it.</summary>
    internal SummaryFileWriter(string directory)
    {
        Directory.CreateDirectory(directory);
        long seconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        long n = Interlocked.Increment(ref _fileCounter) - 1;
        string name = string.Create(CultureInfo.InvariantCulture,
            $"events.out.tfevents.{seconds:D10}.{System.Net.Dns.GetHostName()}.{Environment.ProcessId}.{n}.v2");
        FilePath = Path.Combine(directory, name);
        _stream = new FileStream(FilePath, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        TFRecord.Write(_stream, SummaryProtos.FileVersionEvent(WallTime()));
    }

    /// <summary>The event file.</summary>
    internal string FilePath { get; }

    /// <summary>Appends an <c>Event</c> holding one summary value at <paramref name="step"/>.</summary>
    internal void Write(long step, ProtoWriter value) =>
        TFRecord.Write(_stream, SummaryProtos.SummaryEvent(WallTime(), step, value));

    /// <summary>Makes what was written visible to readers.</summary>
    internal void Flush() => _stream.Flush();

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private static double WallTime() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalSeconds;
}
