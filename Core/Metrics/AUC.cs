namespace Keras.Metrics;

/// <summary>Approximates the area under the ROC or precision-recall curve from confusion counts at fixed thresholds
/// (<c>keras.metrics.AUC</c>).</summary>
/// <remarks>Predictions are bucketed at <see cref="NumThresholds"/> thresholds (evenly spaced in [0, 1] plus
/// <c>-ε</c> and <c>1+ε</c> ends, or the given ones); <see cref="Result"/> sums the curve between them by
/// <see cref="SummationMethod"/>. For the PR curve with <c>"interpolation"</c>, true and false positives are
/// interpolated rather than precision (Davis and Goadrich 2006), as Keras. With <see cref="MultiLabel"/>, one AUC is
/// computed per label (the last axis of rank-2 predictions) and averaged, weighted by <see cref="LabelWeights"/>;
/// otherwise every label-prediction pair is one data point.</remarks>
/// <example><code>
/// var m = new AUC(numThresholds: 3);
/// m.UpdateState(Ops.Constant([0f, 0f, 1f, 1f]), Ops.Constant([0f, 0.5f, 0.3f, 0.9f]));
/// double value = m.Result();   // 0.75
/// </code></example>
public sealed class AUC : Metric
{
    private static readonly string[] Curves = ["PR", "ROC"];
    private static readonly string[] SummationMethods = ["interpolation", "majoring", "minoring"];

    private readonly bool _initFromThresholds;
    private readonly MetricThresholds _thresholds;
    private readonly Tensor? _labelWeights;
    private ConfusionVariables? _state;

    /// <summary>Creates the metric.</summary>
    /// <param name="numThresholds">The number of thresholds used to discretise the curve; must be above 1. Ignored
    /// when <paramref name="thresholds"/> is given. Defaults to 200.</param>
    /// <param name="curve"><c>"ROC"</c> or <c>"PR"</c> (lower case accepted). Defaults to <c>"ROC"</c>.</param>
    /// <param name="summationMethod"><c>"interpolation"</c> (trapezoids; for PR, Davis-Goadrich interpolation),
    /// <c>"minoring"</c> (lower bound) or <c>"majoring"</c> (upper bound). Defaults to <c>"interpolation"</c>.</param>
    /// <param name="name">The name. Defaults to <c>"auc"</c>.</param>
    /// <param name="dtype">The state dtype. Defaults to <c>"float32"</c>.</param>
    /// <param name="thresholds">Thresholds in [0, 1] to use instead of evenly spaced ones; <c>-ε</c> and <c>1+ε</c>
    /// are added. Defaults to none.</param>
    /// <param name="multiLabel">Compute one AUC per label and average them. Defaults to false.</param>
    /// <param name="numLabels">The number of labels when <paramref name="multiLabel"/> is true; otherwise taken from
    /// the first batch. Defaults to none.</param>
    /// <param name="labelWeights">Non-negative per-label weights: for the average of label AUCs when
    /// <paramref name="multiLabel"/>, else for each label's predictions. Defaults to none (equal).</param>
    /// <param name="fromLogits">Whether predictions are logits (a sigmoid is applied first). Defaults to false.</param>
    /// <exception cref="ArgumentException">An argument is out of range or not one of the names above.</exception>
    public AUC(int numThresholds = 200, string curve = "ROC", string summationMethod = "interpolation",
        string name = "auc", string dtype = "float32", double[]? thresholds = null, bool multiLabel = false,
        int? numLabels = null, double[]? labelWeights = null, bool fromLogits = false) : base(name, dtype)
    {
        Curve = curve switch
        {
            "ROC" or "roc" => "ROC",
            "PR" or "pr" => "PR",
            _ => throw new ArgumentException(
                $"Invalid AUC curve value: \"{curve}\". Expected values are [\"{string.Join("\", \"", Curves)}\"]",
                nameof(curve)),
        };
        SummationMethod = summationMethod switch
        {
            "interpolation" or "Interpolation" => "interpolation",
            "majoring" or "Majoring" => "majoring",
            "minoring" or "Minoring" => "minoring",
            _ => throw new ArgumentException(
                $"Invalid AUC summation method value: \"{summationMethod}\". Expected values are " +
                $"[\"{string.Join("\", \"", SummationMethods)}\"]", nameof(summationMethod)),
        };
        double[] inner;
        bool evenly;
        if (thresholds is not null)
        {
            inner = [.. thresholds.Order()];
            NumThresholds = inner.Length + 2;
            evenly = MetricThresholds.IsEvenlyDistributed([0.0, .. inner, 1.0]);
            _initFromThresholds = true;
        }
        else
        {
            if (numThresholds <= 1)
            {
                throw new ArgumentException(
                    $"Argument `num_thresholds` must be an integer > 1. Received: num_thresholds={numThresholds}",
                    nameof(numThresholds));
            }
            NumThresholds = numThresholds;
            inner = [.. Enumerable.Range(0, numThresholds - 2).Select(i => (i + 1) * 1.0 / (numThresholds - 1))];
            evenly = true;
        }
        if (!multiLabel && numLabels is not null)
        {
            throw new ArgumentException("`num_labels` is needed only when `multi_label` is True.", nameof(numLabels));
        }
        if (numLabels is < 1)
        {
            throw new ArgumentException(
                $"Argument `num_labels` must be a positive integer. Received: num_labels={numLabels}",
                nameof(numLabels));
        }
        if (labelWeights is not null && labelWeights.Any(w => double.IsNaN(w) || w < 0))
        {
            throw new ArgumentException(
                $"Argument `label_weights` must be non-negative. Received: [{string.Join(", ", labelWeights)}]",
                nameof(labelWeights));
        }
        MultiLabel = multiLabel;
        NumLabels = numLabels;
        FromLogits = fromLogits;
        LabelWeights = labelWeights?.ToArray();
        _thresholds = new MetricThresholds([0.0 - Ops.Epsilon, .. inner, 1.0 + Ops.Epsilon], dtype, evenly);
        if (labelWeights is not null)
        {
            using var scope = Backend.KerasBackend.Current.MemoryScope();
            _labelWeights = Backend.KerasBackend.Current.ToTensor(labelWeights, nameof(labelWeights))
                .to_type(Ops.DType(dtype)).DetachFromDisposeScope();
        }
        if (!multiLabel)
        {
            Build(null);
        }
        else if (numLabels is int labels)
        {
            Build(labels);
        }
    }

    /// <summary>The number of thresholds, the two end thresholds included.</summary>
    public int NumThresholds { get; }

    /// <summary>The curve: <c>"ROC"</c> or <c>"PR"</c>.</summary>
    public string Curve { get; }

    /// <summary>The summation method: <c>"interpolation"</c>, <c>"majoring"</c> or <c>"minoring"</c>.</summary>
    public string SummationMethod { get; }

    /// <summary>The thresholds used, the <c>-ε</c> and <c>1+ε</c> ends included.</summary>
    public IReadOnlyList<double> Thresholds => _thresholds.Values;

    /// <summary>Whether one AUC is computed per label and averaged.</summary>
    public bool MultiLabel { get; }

    /// <summary>The number of labels given at construction, if any.</summary>
    public int? NumLabels { get; }

    /// <summary>The per-label weights, if any.</summary>
    public IReadOnlyList<double>? LabelWeights { get; }

    /// <summary>Whether predictions are logits.</summary>
    public bool FromLogits { get; }

    /// <summary>Accumulates the confusion counts at every threshold.</summary>
    /// <param name="yTrue">Labels with the shape of <paramref name="yPred"/>; non-zero is positive.</param>
    /// <param name="yPred">Probabilities in [0, 1], or logits when <see cref="FromLogits"/>; rank 2
    /// <c>(batch, labels)</c> when <see cref="MultiLabel"/>.</param>
    /// <param name="sampleWeight">Optional weights, one per sample or one per prediction.</param>
    /// <exception cref="ArgumentException">The shapes do not match or do not fit <see cref="MultiLabel"/>.</exception>
    public override void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        if (MultiLabel)
        {
            if (yPred.dim() != 2)
            {
                throw new ArgumentException(
                    $"`y_pred` must have rank 2 when `multi_label=True`. Found rank {yPred.dim()}. " +
                    $"Full shape received for `y_pred`: {new Shape(yPred.shape)}", nameof(yPred));
            }
            if (_state is null)
            {
                Build((int)yPred.shape[1]);
            }
            long labels = _state!.TruePositives!.Value.shape[1];
            if (yPred.shape[1] != labels)
            {
                throw new ArgumentException(
                    $"Metric \"{Name}\" was built for {labels} labels; received y_pred of shape " +
                    $"{new Shape(yPred.shape)}.", nameof(yPred));
            }
        }
        using var scope = Backend.KerasBackend.Current.MemoryScope();
        using var noGrad = Ops.NoGrad();
        var predictions = FromLogits ? Ops.Sigmoid(yPred.detach()) : yPred;
        ConfusionMatrix.Update(_state!, yTrue, predictions, _thresholds, sampleWeight, Name,
            multiLabel: MultiLabel, labelWeights: MultiLabel ? null : _labelWeights);
    }

    /// <summary>The area under the curve (0 before the first update of a multi-label AUC without
    /// <see cref="NumLabels"/>).</summary>
    /// <returns>The value.</returns>
    public override double Result()
    {
        if (_state is null)
        {
            return 0.0;
        }
        using var scope = Backend.KerasBackend.Current.MemoryScope();
        var perLabel = Curve == "PR" && SummationMethod == "interpolation" ? InterpolatePrAuc() : RiemannSum();
        return MetricsUtils.ReadDouble(Average(perLabel));
    }

    /// <inheritdoc />
    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["num_thresholds"] = NumThresholds;
        config["curve"] = Curve;
        config["summation_method"] = SummationMethod;
        config["multi_label"] = MultiLabel;
        config["num_labels"] = NumLabels;
        config["label_weights"] = LabelWeights?.ToArray();
        config["from_logits"] = FromLogits;
        if (_initFromThresholds)
        {
            config["thresholds"] = _thresholds.Values.Skip(1).Take(NumThresholds - 2).ToArray();
        }
        return config;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _thresholds.Dispose();
            _labelWeights?.Dispose();
        }
        base.Dispose(disposing);
    }

    private void Build(int? labels)
    {
        if (labels is int count && LabelWeights is not null && LabelWeights.Count != count)
        {
            throw new ArgumentException(
                $"Metric \"{Name}\": `label_weights` has {LabelWeights.Count} entries but there are {count} labels.",
                "labelWeights");
        }
        Shape shape = labels is int l ? [NumThresholds, l] : [NumThresholds];
        _state = new ConfusionVariables(
            AddState("true_positives", shape),
            AddState("false_positives", shape),
            AddState("true_negatives", shape),
            AddState("false_negatives", shape));
    }

    /// <summary>Sums <c>(x[i] - x[i+1]) * height[i]</c> over threshold intervals (per label when
    /// multi-label).</summary>
    private Tensor RiemannSum()
    {
        var (tp, fp, tn, fn) = Counts();
        var recall = Ops.DivideNoNan(tp, tp + fn);
        Tensor x, y;
        if (Curve == "ROC")
        {
            x = Ops.DivideNoNan(fp, fp + tn);
            y = recall;
        }
        else
        {
            x = recall;
            y = Ops.DivideNoNan(tp, tp + fp);
        }
        var (yLeft, yRight) = (Head(y), Tail(y));
        var heights = SummationMethod switch
        {
            "interpolation" => (yLeft + yRight) / 2.0,
            "minoring" => Ops.Minimum(yLeft, yRight),
            _ => Ops.Maximum(yLeft, yRight),
        };
        return ((Head(x) - Tail(x)) * heights).sum([0]);
    }

    /// <summary>Keras' <c>interpolate_pr_auc</c>: precision integrated with TP and P = TP + FP linear in each
    /// interval, <c>slope * (dTP + intercept * log(P_A / P_B)) / (TP_B + FN_B)</c>.</summary>
    private Tensor InterpolatePrAuc()
    {
        var (tp, fp, _, fn) = Counts();
        var dtp = Head(tp) - Tail(tp);
        var p = tp + fp;
        var dp = Head(p) - Tail(p);
        var precisionSlope = Ops.DivideNoNan(dtp, dp.clamp_min(0));
        var intercept = Tail(tp) - precisionSlope * Tail(p);
        var bothPositive = Head(p).gt(0).logical_and(Tail(p).gt(0));
        var safeRatio = Ops.Where(bothPositive, Ops.DivideNoNan(Head(p), Tail(p).clamp_min(0)), Tail(p).ones_like());
        var increments = Ops.DivideNoNan(
            precisionSlope * (dtp + intercept * safeRatio.log()), (Tail(tp) + Tail(fn)).clamp_min(0));
        return increments.sum([0]);
    }

    /// <summary>The mean of the per-label AUCs (weighted by the label weights) when multi-label; the AUC itself
    /// otherwise.</summary>
    private Tensor Average(Tensor perLabel)
    {
        if (!MultiLabel)
        {
            return perLabel;
        }
        return _labelWeights is null
            ? perLabel.mean()
            : Ops.DivideNoNan((perLabel * _labelWeights).sum(), _labelWeights.sum());
    }

    private (Tensor Tp, Tensor Fp, Tensor Tn, Tensor Fn) Counts() => (_state!.TruePositives!.Value,
        _state.FalsePositives!.Value, _state.TrueNegatives!.Value, _state.FalseNegatives!.Value);

    private Tensor Head(Tensor x) => x.narrow(0, 0, NumThresholds - 1);

    private Tensor Tail(Tensor x) => x.narrow(0, 1, NumThresholds - 1);
}
