using System.Net;
using System.Security.Cryptography;

namespace Keras.Datasets;

/// <summary>HTTP GET of one file into a stream, with a progress bar and a SHA-256 of the bytes written.</summary>
internal static class Downloader
{
    private static readonly TimeSpan _idleTimeout = TimeSpan.FromSeconds(60);
    private static readonly HttpClient _client = CreateClient();

    /// <summary>Downloads <paramref name="url"/> into <paramref name="destination"/>.</summary>
    /// <param name="url">The URL.</param>
    /// <param name="destination">The stream receiving the bytes.</param>
    /// <param name="sources">Where progress goes.</param>
    /// <returns>The SHA-256 of the downloaded bytes as lower-case hex.</returns>
    /// <exception cref="HttpRequestException">The server could not be reached or did not answer 200.</exception>
    /// <exception cref="IOException">The transfer broke off or stalled for a minute.</exception>
    internal static string Download(string url, Stream destination, DatasetSources sources)
    {
        sources.ProgressWriter.WriteLine($"Downloading data from {url}");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        using HttpResponseMessage response = _client.Send(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException(
                $"The server answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }
        long? total = response.Content.Headers.ContentLength;
        var progress = new DownloadProgress(sources.ProgressWriter, sources.ProgressInteractive, total);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var stall = new CancellationTokenSource();
        using CancellationTokenRegistration abort = stall.Token.Register(response.Dispose);
        long done = 0;
        try
        {
            using Stream body = response.Content.ReadAsStream();
            byte[] buffer = new byte[81920];
            stall.CancelAfter(_idleTimeout);
            int read;
            while ((read = body.Read(buffer)) > 0)
            {
                stall.CancelAfter(_idleTimeout);
                destination.Write(buffer, 0, read);
                hash.AppendData(buffer, 0, read);
                done += read;
                progress.Report(done);
            }
        }
        catch (Exception e) when (stall.IsCancellationRequested && e is IOException or ObjectDisposedException)
        {
            throw new IOException($"The download from {url} stalled: no data for {_idleTimeout.TotalSeconds:0} s.", e);
        }
        if (total is { } expected && done != expected)
        {
            throw new IOException($"The download from {url} ended after {done} of {expected} bytes.");
        }
        progress.Complete(done);
        return FileHash.Finish(hash);
    }

    private static HttpClient CreateClient()
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(30),
            AutomaticDecompression = DecompressionMethods.None,
        };
        var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(100) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Keras.Net-Datasets");
        return client;
    }
}
