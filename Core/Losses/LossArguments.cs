namespace Keras.Losses;

/// <summary>Argument checks shared by the loss constructors.</summary>
internal static class LossArguments
{
    internal static void CheckLabelSmoothing(double labelSmoothing, string loss)
    {
        if (!(labelSmoothing >= 0.0 && labelSmoothing <= 1.0))
        {
            throw new ArgumentOutOfRangeException("labelSmoothing",
                $"`{loss}` expects `label_smoothing` to be a float in [0, 1]. " +
                $"Received: label_smoothing={labelSmoothing}");
        }
    }
}
