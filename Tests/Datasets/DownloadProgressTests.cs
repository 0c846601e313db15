using Keras.Datasets;

namespace Keras.Tests.Datasets;

public class DownloadProgressTests
{
    private static readonly string _fullBar = string.Concat(Enumerable.Repeat("━", 20));

    [Fact]
    public void Format_FinalLine_ShowsCounterBarAndElapsedSeconds()
    {
        string line = DownloadProgress.Format(4096, 4096, TimeSpan.FromSeconds(2.2), final: true, color: false);

        Assert.Equal($"4096/4096 bytes {_fullBar} 2s", line);
    }

    [Fact]
    public void Format_Running_PadsTheCounterColorsHalfTheBarAndShowsTheEta()
    {
        string line = DownloadProgress.Format(512, 1024, TimeSpan.FromSeconds(3), final: false, color: true);

        string half = string.Concat(Enumerable.Repeat("━", 10));
        Assert.Equal($" 512/1024 bytes \u001b[32m{half}\u001b[0m\u001b[37m{half}\u001b[0m 3s", line);
    }

    [Fact]
    public void Format_UnknownTotal_ShowsBytesSoFar()
    {
        string line = DownloadProgress.Format(300, null, TimeSpan.FromSeconds(75), final: false, color: false);

        Assert.Equal("    300/Unknown bytes 1:15", line);
    }

    [Fact]
    public void Redirected_WritesOneLineAtTheEnd()
    {
        using var writer = new StringWriter();
        var progress = new DownloadProgress(writer, interactive: false, total: 10);

        progress.Report(5);
        progress.Report(10);
        progress.Complete(10);

        Assert.Equal($"10/10 bytes {_fullBar} 0s{Environment.NewLine}", writer.ToString());
    }

    [Fact]
    public void Interactive_RedrawsInPlaceAndEndsTheLine()
    {
        using var writer = new StringWriter();
        var progress = new DownloadProgress(writer, interactive: true, total: 10);

        progress.Report(5);
        progress.Complete(10);

        string text = writer.ToString();
        Assert.StartsWith("\r 5/10 bytes", text);
        Assert.Contains("\r10/10 bytes", text);
        Assert.EndsWith(Environment.NewLine, text);
    }
}
