namespace Keras.Losses;

/// <summary>Keras loss names and aliases → loss factories (<c>keras.losses.get</c>).</summary>
/// <remarks>The keys are those of Keras 3's <c>ALL_OBJECTS_DICT</c> for the losses implemented here: the class name,
/// the function name and the short aliases (<c>mse</c>/<c>MSE</c>, <c>mae</c>, <c>mape</c>, <c>msle</c>, <c>bce</c>,
/// <c>kld</c>). Each lookup creates a new loss with default arguments.</remarks>
internal static class LossCatalog
{
    private static readonly Dictionary<string, Func<Loss>> Factories = Build();

    internal static IReadOnlyCollection<string> Names => Factories.Keys;

    internal static Loss Create(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Factories.TryGetValue(name, out var factory))
        {
            var loss = factory();
            loss.Identifier = name;
            return loss;
        }
        throw new ArgumentException(
            $"Could not interpret loss identifier: {name}. Expected one of: {string.Join(", ", Factories.Keys)}.",
            nameof(name));
    }

    private static Dictionary<string, Func<Loss>> Build()
    {
        var factories = new Dictionary<string, Func<Loss>>(StringComparer.Ordinal);
        void Add(Func<Loss> factory, params string[] names)
        {
            foreach (var name in names)
            {
                factories.Add(name, factory);
            }
        }

        Add(() => new MeanSquaredError(), "mean_squared_error", "mse", "MSE", nameof(MeanSquaredError));
        Add(() => new MeanAbsoluteError(), "mean_absolute_error", "mae", "MAE", nameof(MeanAbsoluteError));
        Add(() => new MeanAbsolutePercentageError(),
            "mean_absolute_percentage_error", "mape", "MAPE", nameof(MeanAbsolutePercentageError));
        Add(() => new MeanSquaredLogarithmicError(),
            "mean_squared_logarithmic_error", "msle", "MSLE", nameof(MeanSquaredLogarithmicError));
        Add(() => new Huber(), "huber", nameof(Huber));
        Add(() => new LogCosh(), "log_cosh", nameof(LogCosh));
        Add(() => new BinaryCrossentropy(), "binary_crossentropy", "bce", "BCE", nameof(BinaryCrossentropy));
        Add(() => new CategoricalCrossentropy(), "categorical_crossentropy", nameof(CategoricalCrossentropy));
        Add(() => new SparseCategoricalCrossentropy(),
            "sparse_categorical_crossentropy", nameof(SparseCategoricalCrossentropy));
        Add(() => new KLDivergence(), "kl_divergence", "kld", "KLD", nameof(KLDivergence));
        Add(() => new Hinge(), "hinge", nameof(Hinge));
        Add(() => new SquaredHinge(), "squared_hinge", nameof(SquaredHinge));
        Add(() => new CategoricalHinge(), "categorical_hinge", nameof(CategoricalHinge));
        Add(() => new Poisson(), "poisson", nameof(Poisson));
        Add(() => new CosineSimilarity(), "cosine_similarity", nameof(CosineSimilarity));
        return factories;
    }
}
