using System.Net;
using System.Net.Http.Headers;

namespace Keras.Datasets;

/// <summary>HTTP GET of one file into a stream, with a progress bar, resuming a partial file with a Range request
/// when the server supports it.</summary>
internal static class Downloader
{
    private static readonly TimeSpan _idleTimeout = TimeSpan.FromSeconds(60);
    private static readonly HttpClient _client = CreateClient();

    /// <summary>Downloads <paramref name="url"/> into <paramref name="destination"/>, appending to the bytes already
    /// there when the server answers a Range request with 206, else rewriting it from the start.</summary>
    /// <param name="url">The URL.</param>
    /// <param name="destination">The partial or empty file receiving the bytes.</param>
    /// <param name="sources">Where progress goes.</param>
    /// <returns>The file's length in bytes.</returns>
    /// <exception cref="HttpRequestException">The server could not be reached or did not answer 200 or 206.</exception>
    /// <exception cref="IOException">The transfer broke off, ended short of its Content-Length or stalled for a
    /// minute.</exception>
    internal static long Download(string url, FileStream destination, DatasetSources sources)
    {
        sources.ProgressWriter.WriteLine($"Downloading data from {url}");
        long existing = destination.Length;
        using HttpResponseMessage response = Send(url, existing);
        long offset = 0;
        if (existing > 0 && response.StatusCode == HttpStatusCode.PartialContent
            && response.Content.Headers.ContentRange is { From: { } from } && from == existing)
        {
            offset = existing;
            sources.ProgressWriter.WriteLine($"Resuming after the {existing} bytes already downloaded.");
        }
        else if (existing > 0 && response.StatusCode is HttpStatusCode.RequestedRangeNotSatisfiable
            or HttpStatusCode.PartialContent)
        {
            // The partial file is longer than the remote one, or the server sent another range: start over.
            destination.SetLength(0);
            return Download(url, destination, sources);
        }
        else if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException(
                $"The server answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }
        destination.SetLength(offset);
        destination.Position = offset;
        long? total = response.Content.Headers.ContentLength + offset;
        Copy(url, response, destination, new DownloadProgress(sources.ProgressWriter, sources.ProgressInteractive,
            total), offset, total);
        return destination.Length;
    }

    private static HttpResponseMessage Send(string url, long existing)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (existing > 0)
        {
            request.Headers.Range = new RangeHeaderValue(existing, null);
        }
        return _client.Send(request, HttpCompletionOption.ResponseHeadersRead);
    }

    private static void Copy(string url, HttpResponseMessage response, FileStream destination,
        DownloadProgress progress, long offset, long? total)
    {
        using var stall = new CancellationTokenSource();
        using CancellationTokenRegistration abort = stall.Token.Register(response.Dispose);
        long done = offset;
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
                done += read;
                progress.Report(done);
            }
        }
        catch (Exception e) when (stall.IsCancellationRequested && e is IOException or ObjectDisposedException)
        {
            throw new IOException($"The download from {url} stalled: no data for {_idleTimeout.TotalSeconds:0} s.", e);
        }
        catch (IOException e)
        {
            throw new IOException($"The download from {url} broke off after {done} of {(object?)total ?? "an unknown number of"} " +
                $"bytes: {e.Message}", e);
        }
        finally
        {
            destination.Flush();
        }
        if (total is { } expected && done != expected)
        {
            throw new IOException($"The download from {url} ended after {done} of {expected} bytes.");
        }
        progress.Complete(done);
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
