using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Keras.Tests.Datasets;

/// <summary>Serves fixed files over HTTP/1.1 on 127.0.0.1 (404 for anything else), one request per connection, with
/// byte ranges when <see cref="SupportsRange"/> and on demand a body cut in half (the connection closed cleanly
/// after half the Content-Length), so truncated transfers are exact.</summary>
internal sealed class TestFileServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IReadOnlyDictionary<string, byte[]> _files;
    private readonly Task _loop;
    private int _requests;
    private int _truncateNext;

    internal TestFileServer(IReadOnlyDictionary<string, byte[]> files)
    {
        _files = files;
        _listener.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";
        _loop = Task.Run(ServeAsync);
    }

    internal string BaseUrl { get; }

    internal int Requests => Volatile.Read(ref _requests);

    /// <summary>Gets or sets whether a <c>Range: bytes=N-</c> request is answered with 206.</summary>
    internal bool SupportsRange { get; set; } = true;

    /// <summary>Gets the Range header of each request (null when none), in order.</summary>
    internal ConcurrentQueue<string?> Ranges { get; } = new();

    /// <summary>Cuts the body of the next <paramref name="count"/> answers in half.</summary>
    internal void TruncateNext(int count) => Volatile.Write(ref _truncateNext, count);

    public void Dispose()
    {
        _listener.Stop();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using (client)
            {
                try
                {
                    await AnswerAsync(client.GetStream());
                    client.Client.Shutdown(SocketShutdown.Send);
                }
                catch (Exception e) when (e is IOException or SocketException)
                {
                }
            }
        }
    }

    private async Task AnswerAsync(NetworkStream stream)
    {
        string[] lines = (await ReadHeadAsync(stream)).Split("\r\n");
        Interlocked.Increment(ref _requests);
        string name = lines[0].Split(' ')[1].TrimStart('/');
        string? range = lines.Skip(1).Where(l => l.StartsWith("Range:", StringComparison.OrdinalIgnoreCase))
            .Select(l => l[6..].Trim()).FirstOrDefault();
        Ranges.Enqueue(range);
        if (!_files.TryGetValue(name, out byte[]? bytes))
        {
            await WriteAsync(stream, "404 Not Found", [], []);
            return;
        }
        long from = range is not null && SupportsRange
            ? long.Parse(range["bytes=".Length..].TrimEnd('-'), CultureInfo.InvariantCulture)
            : 0;
        if (from >= bytes.Length && from > 0)
        {
            await WriteAsync(stream, "416 Range Not Satisfiable", [$"Content-Range: bytes */{bytes.Length}"], []);
            return;
        }
        byte[] body = bytes[(int)from..];
        string[] headers = from > 0 ? [$"Content-Range: bytes {from}-{bytes.Length - 1}/{bytes.Length}"] : [];
        bool truncate = Interlocked.Decrement(ref _truncateNext) >= 0;
        await WriteAsync(stream, from > 0 ? "206 Partial Content" : "200 OK", headers, body,
            truncate ? body.Length / 2 : body.Length);
    }

    private static async Task WriteAsync(
        NetworkStream stream, string status, string[] headers, byte[] body, int? send = null)
    {
        var head = new StringBuilder($"HTTP/1.1 {status}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n");
        foreach (string header in headers)
        {
            head.Append(header).Append("\r\n");
        }
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
        await stream.WriteAsync(body.AsMemory(0, send ?? body.Length));
        await stream.FlushAsync();
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        byte[] one = new byte[1];
        while (head.Count < 16384 && await stream.ReadAsync(one) == 1)
        {
            head.Add(one[0]);
            if (head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n')
            {
                break;
            }
        }
        return Encoding.ASCII.GetString(head.ToArray());
    }
}
