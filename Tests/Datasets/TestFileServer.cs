using System.Net;

namespace Keras.Tests.Datasets;

/// <summary>Serves fixed files over HTTP on 127.0.0.1 (404 for anything else) and counts requests.</summary>
internal sealed class TestFileServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly IReadOnlyDictionary<string, byte[]> _files;
    private readonly Task _loop;
    private int _requests;

    internal TestFileServer(IReadOnlyDictionary<string, byte[]> files)
    {
        _files = files;
        BaseUrl = $"http://127.0.0.1:{DatasetTestEnvironment.FreePort()}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    internal string BaseUrl { get; }

    internal int Requests => Volatile.Read(ref _requests);

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
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
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e)
                when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            Interlocked.Increment(ref _requests);
            string name = context.Request.Url!.AbsolutePath.TrimStart('/');
            using HttpListenerResponse response = context.Response;
            if (_files.TryGetValue(name, out byte[]? bytes))
            {
                response.StatusCode = 200;
                response.ContentLength64 = bytes.Length;
                await response.OutputStream.WriteAsync(bytes);
            }
            else
            {
                response.StatusCode = 404;
            }
        }
    }
}
