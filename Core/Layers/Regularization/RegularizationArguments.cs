namespace Keras.Layers;

/// <summary>Argument checks shared by the regularization layers, with Keras' messages.</summary>
internal static class RegularizationArguments
{
    /// <summary>Keras' check for <c>rate</c>: a number in [0, 1].</summary>
    /// <exception cref="ArgumentException">The rate is outside [0, 1] or NaN.</exception>
    public static void CheckRate(double rate, bool allowOne = true, string argument = "rate")
    {
        if (!(rate >= 0 && (allowOne ? rate <= 1 : rate < 1)))
        {
            string range = allowOne ? "between 0 and 1" : "in [0, 1)";
            throw new ArgumentException(
                $"Invalid value received for argument `{argument}`. Expected a float value {range}. " +
                $"Received: {argument}={rate.ToString(System.Globalization.CultureInfo.InvariantCulture)}", argument);
        }
    }

    /// <summary>Keras' <c>standardize_data_format</c>: null means <c>channels_last</c>.</summary>
    /// <exception cref="ArgumentException">Another value.</exception>
    public static string DataFormat(string? dataFormat)
    {
        dataFormat ??= "channels_last";
        string lower = dataFormat.ToLowerInvariant();
        if (lower is not ("channels_first" or "channels_last"))
        {
            throw new ArgumentException(
                "The `data_format` argument must be one of {\"channels_first\", \"channels_last\"}. " +
                $"Received: data_format={dataFormat}", nameof(dataFormat));
        }
        return lower;
    }
}
