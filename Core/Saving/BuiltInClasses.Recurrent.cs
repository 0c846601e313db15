using System.Text.Json.Nodes;
using Keras.Constraints;
using Keras.Initializers;
using Keras.Layers;
using Keras.Regularizers;

namespace Keras.Saving;

internal static partial class BuiltInClasses
{
    static partial void RegisterRecurrentLayers()
    {
        SerializationRegistry.RegisterBuiltIn(LayersModule, "SimpleRNNCell", c =>
        {
            var r = RecurrentReader("SimpleRNNCell", c);
            var o = new CellOptions(r);
            return new SimpleRNNCell(r.GetInt("units"), o.Activation, o.UseBias, o.KernelInitializer,
                o.RecurrentInitializer, o.BiasInitializer, o.KernelRegularizer, o.RecurrentRegularizer,
                o.BiasRegularizer, o.KernelConstraint, o.RecurrentConstraint, o.BiasConstraint, o.Dropout,
                o.RecurrentDropout, r.Name, r.Trainable);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "LSTMCell", c =>
        {
            var r = RecurrentReader("LSTMCell", c);
            return LstmCell(r, new CellOptions(r), r.Name);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "GRUCell", c =>
        {
            var r = RecurrentReader("GRUCell", c);
            return GruCell(r, new CellOptions(r), r.Name);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "RNN", c =>
        {
            var r = RecurrentReader("RNN", c);
            if (c["cell"] is JsonArray)
            {
                throw new NotSupportedException(
                    $"Cannot load RNN \"{r.Name}\": a list of cells (StackedRNNCells) is not supported by Keras.Net " +
                    "yet; stack RNN layers instead.");
            }
            var cell = c["cell"] is JsonObject cellConfig
                ? KerasSerialization.DeserializeLayer(cellConfig) as RNNCell
                  ?? throw r.Error("\"cell\" must be a recurrent cell (SimpleRNNCell, LSTMCell or GRUCell).")
                : throw r.Error("its config has no \"cell\" object, which is required.");
            var f = new RecurrentFlags(r);
            var layer = new RNN(cell, f.ReturnSequences, f.ReturnState, f.GoBackwards, f.Stateful, f.Unroll,
                f.ZeroOutputForMask, r.Name, r.Trainable)
            {
                ActivityRegularizer = r.GetRegularizer("activity_regularizer"),
            };
            return layer;
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "SimpleRNN", c =>
        {
            var r = RecurrentReader("SimpleRNN", c);
            var o = new CellOptions(r);
            var f = new RecurrentFlags(r);
            return f.Apply(new SimpleRNN(r.GetInt("units"), o.Activation, o.UseBias, o.KernelInitializer,
                o.RecurrentInitializer, o.BiasInitializer, o.KernelRegularizer, o.RecurrentRegularizer,
                o.BiasRegularizer, r.GetRegularizer("activity_regularizer"), o.KernelConstraint,
                o.RecurrentConstraint, o.BiasConstraint, o.Dropout, o.RecurrentDropout, f.ReturnSequences,
                f.ReturnState, f.GoBackwards, f.Stateful, f.Unroll, r.Name, r.Trainable));
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "LSTM", c =>
        {
            var r = RecurrentReader("LSTM", c);
            var o = new CellOptions(r);
            var f = new RecurrentFlags(r);
            var layer = new LSTM(r.GetInt("units"), o.Activation, o.RecurrentActivation, o.UseBias,
                o.KernelInitializer, o.RecurrentInitializer, o.BiasInitializer, r.GetBool("unit_forget_bias", true),
                o.KernelRegularizer, o.RecurrentRegularizer, o.BiasRegularizer,
                r.GetRegularizer("activity_regularizer"), o.KernelConstraint, o.RecurrentConstraint,
                o.BiasConstraint, o.Dropout, o.RecurrentDropout, f.ReturnSequences, f.ReturnState, f.GoBackwards,
                f.Stateful, f.Unroll, r.Name, r.Trainable);
            SetImplementation(r, layer.Cell);
            return f.Apply(layer);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "GRU", c =>
        {
            var r = RecurrentReader("GRU", c);
            var o = new CellOptions(r);
            var f = new RecurrentFlags(r);
            var layer = new GRU(r.GetInt("units"), o.Activation, o.RecurrentActivation, o.UseBias,
                o.KernelInitializer, o.RecurrentInitializer, o.BiasInitializer, o.KernelRegularizer,
                o.RecurrentRegularizer, o.BiasRegularizer, r.GetRegularizer("activity_regularizer"),
                o.KernelConstraint, o.RecurrentConstraint, o.BiasConstraint, o.Dropout, o.RecurrentDropout,
                f.ReturnSequences, f.ReturnState, f.GoBackwards, f.Stateful, f.Unroll,
                r.GetBool("reset_after", true), r.Name, r.Trainable);
            SetImplementation(r, layer.Cell);
            return f.Apply(layer);
        });
        RegisterRecurrentWrappers();
        SerializationRegistry.RegisterBuiltIn(LayersModule, "ConvLSTM1D", c => ConvLstm(1, "ConvLSTM1D", c));
        SerializationRegistry.RegisterBuiltIn(LayersModule, "ConvLSTM2D", c => ConvLstm(2, "ConvLSTM2D", c));
        SerializationRegistry.RegisterBuiltIn(LayersModule, "ConvLSTM3D", c => ConvLstm(3, "ConvLSTM3D", c));
    }

    private static ConvLSTM ConvLstm(int rank, string className, JsonObject c)
    {
        var r = RecurrentReader(className, c);
        // ConvLSTM layers take no unroll argument (Keras passes it through **kwargs and loops the same way).
        r.RejectUnsupported("unroll");
        var o = new CellOptions(r);
        var f = new RecurrentFlags(r);
        int filters = r.GetInt("filters");
        var kernelSize = IntTuple(r, "kernel_size") ?? throw r.Error("its config has no \"kernel_size\", which is required.");
        var strides = IntTuple(r, "strides");
        string padding = r.GetString("padding", "valid");
        string? dataFormat = r.Has("data_format") ? r.GetString("data_format") : null;
        var dilation = IntTuple(r, "dilation_rate");
        bool unitForgetBias = r.GetBool("unit_forget_bias", true);
        var activity = r.GetRegularizer("activity_regularizer");
        ConvLSTM layer = rank switch
        {
            1 => new ConvLSTM1D(filters, kernelSize, strides, padding, dataFormat, dilation, o.Activation,
                o.RecurrentActivation, o.UseBias, o.KernelInitializer, o.RecurrentInitializer, o.BiasInitializer,
                unitForgetBias, o.KernelRegularizer, o.RecurrentRegularizer, o.BiasRegularizer, activity,
                o.KernelConstraint, o.RecurrentConstraint, o.BiasConstraint, o.Dropout, o.RecurrentDropout,
                f.ReturnSequences, f.ReturnState, f.GoBackwards, f.Stateful, r.Name, r.Trainable),
            2 => new ConvLSTM2D(filters, kernelSize, strides, padding, dataFormat, dilation, o.Activation,
                o.RecurrentActivation, o.UseBias, o.KernelInitializer, o.RecurrentInitializer, o.BiasInitializer,
                unitForgetBias, o.KernelRegularizer, o.RecurrentRegularizer, o.BiasRegularizer, activity,
                o.KernelConstraint, o.RecurrentConstraint, o.BiasConstraint, o.Dropout, o.RecurrentDropout,
                f.ReturnSequences, f.ReturnState, f.GoBackwards, f.Stateful, r.Name, r.Trainable),
            _ => new ConvLSTM3D(filters, kernelSize, strides, padding, dataFormat, dilation, o.Activation,
                o.RecurrentActivation, o.UseBias, o.KernelInitializer, o.RecurrentInitializer, o.BiasInitializer,
                unitForgetBias, o.KernelRegularizer, o.RecurrentRegularizer, o.BiasRegularizer, activity,
                o.KernelConstraint, o.RecurrentConstraint, o.BiasConstraint, o.Dropout, o.RecurrentDropout,
                f.ReturnSequences, f.ReturnState, f.GoBackwards, f.Stateful, r.Name, r.Trainable),
        };
        return f.Apply(layer);
    }

    /// <summary>A size argument written as one integer (Keras 2 and the constructor form) or a list of them.</summary>
    private static int[]? IntTuple(ConfigReader r, string key) =>
        !r.Has(key) ? null : JsonValues.TryGetInt(r.Config[key], out int value) ? [value] : r.GetIntArray(key);

    private static void RegisterRecurrentWrappers()
    {
        SerializationRegistry.RegisterBuiltIn(LayersModule, "Bidirectional", c =>
        {
            var r = Reader("Bidirectional", c);
            var layer = WrappedRnn(r, "layer")
                        ?? throw r.Error("its config has no \"layer\" object, which is required.");
            // Absent means Keras' default "concat"; null means no merge.
            string? mergeMode = !c.ContainsKey("merge_mode") ? "concat"
                : r.Has("merge_mode") ? r.GetString("merge_mode") : null;
            return new Bidirectional(layer, mergeMode, WrappedRnn(r, "backward_layer"), r.Name, r.Trainable);
        });
        SerializationRegistry.RegisterBuiltIn(LayersModule, "TimeDistributed", c =>
        {
            var r = Reader("TimeDistributed", c);
            var layer = c["layer"] is JsonObject inner
                ? KerasSerialization.DeserializeLayer(inner)
                : throw r.Error("its config has no \"layer\" object, which is required.");
            return new TimeDistributed(layer, r.Name, r.Trainable);
        });
    }

    private static RNN? WrappedRnn(ConfigReader r, string key) => r.Config[key] switch
    {
        null => null,
        JsonObject inner => KerasSerialization.DeserializeLayer(inner) as RNN
                            ?? throw r.Error($"\"{key}\" must be a recurrent layer (LSTM, GRU, SimpleRNN, RNN, ConvLSTM)."),
        _ => throw r.Error($"\"{key}\" must be a layer config object."),
    };

    private static LSTMCell LstmCell(ConfigReader r, CellOptions o, string? name)
    {
        var cell = new LSTMCell(r.GetInt("units"), o.Activation, o.RecurrentActivation, o.UseBias,
            o.KernelInitializer, o.RecurrentInitializer, o.BiasInitializer, r.GetBool("unit_forget_bias", true),
            o.KernelRegularizer, o.RecurrentRegularizer, o.BiasRegularizer, o.KernelConstraint, o.RecurrentConstraint,
            o.BiasConstraint, o.Dropout, o.RecurrentDropout, name, r.Trainable)
        {
            Implementation = Implementation(r),
        };
        return cell;
    }

    private static GRUCell GruCell(ConfigReader r, CellOptions o, string? name) =>
        new(r.GetInt("units"), o.Activation, o.RecurrentActivation, o.UseBias, o.KernelInitializer,
            o.RecurrentInitializer, o.BiasInitializer, o.KernelRegularizer, o.RecurrentRegularizer, o.BiasRegularizer,
            o.KernelConstraint, o.RecurrentConstraint, o.BiasConstraint, o.Dropout, o.RecurrentDropout,
            r.GetBool("reset_after", true), name, r.Trainable)
        {
            Implementation = Implementation(r),
        };

    /// <summary>Keras' <c>implementation</c> (Keras 2 configs write it): 1 draws one dropout mask per gate, 2 (and
    /// Keras 1's 0) one for all gates; both compute the same function.</summary>
    private static int Implementation(ConfigReader r)
    {
        int implementation = r.GetInt("implementation", 2);
        return implementation is 0 or 1 or 2
            ? (implementation == 1 ? 1 : 2)
            : throw r.Error($"\"implementation\" must be 1 or 2. Received: {implementation}");
    }

    private static void SetImplementation(ConfigReader r, RNNCell cell)
    {
        // The layers create their cell in their constructor; the mode only changes how dropout masks are drawn.
        switch (cell)
        {
            case LSTMCell lstm:
                lstm.Implementation = Implementation(r);
                break;
            case GRUCell gru:
                gru.Implementation = Implementation(r);
                break;
        }
    }

    /// <summary>A reader for a recurrent layer: float32 only, and Keras 2's <c>time_major</c> must be false.</summary>
    private static ConfigReader RecurrentReader(string className, JsonObject config)
    {
        var r = Reader(className, config);
        r.RejectUnsupported("time_major");
        return r;
    }

    /// <summary>An activation key: absent gives Keras' constructor default, null gives <c>linear</c>.</summary>
    private static ActivationFunction ActivationOr(ConfigReader r, string key, ActivationFunction absent) =>
        r.Config.ContainsKey(key) ? r.GetActivation(key) : absent;

    /// <summary>The weight options and dropout rates every recurrent cell config carries.</summary>
    private sealed class CellOptions(ConfigReader r)
    {
        public ActivationFunction Activation { get; } = ActivationOr(r, "activation", Activations.Tanh);
        public ActivationFunction RecurrentActivation { get; } =
            ActivationOr(r, "recurrent_activation", Activations.Sigmoid);
        public bool UseBias { get; } = r.GetBool("use_bias", true);
        public Initializer KernelInitializer { get; } =
            r.GetInitializer("kernel_initializer", () => new GlorotUniform());
        public Initializer RecurrentInitializer { get; } =
            r.GetInitializer("recurrent_initializer", RecurrentDefaults.Orthogonal);
        public Initializer BiasInitializer { get; } = r.GetInitializer("bias_initializer", () => new Zeros());
        public Regularizer? KernelRegularizer { get; } = r.GetRegularizer("kernel_regularizer");
        public Regularizer? RecurrentRegularizer { get; } = r.GetRegularizer("recurrent_regularizer");
        public Regularizer? BiasRegularizer { get; } = r.GetRegularizer("bias_regularizer");
        public Constraint? KernelConstraint { get; } = r.GetConstraint("kernel_constraint");
        public Constraint? RecurrentConstraint { get; } = r.GetConstraint("recurrent_constraint");
        public Constraint? BiasConstraint { get; } = r.GetConstraint("bias_constraint");
        public double Dropout { get; } = r.GetDouble("dropout", 0.0);
        public double RecurrentDropout { get; } = r.GetDouble("recurrent_dropout", 0.0);
    }

    /// <summary>The flags of <c>RNN.get_config</c>.</summary>
    private sealed class RecurrentFlags(ConfigReader r)
    {
        public bool ReturnSequences { get; } = r.GetBool("return_sequences", false);
        public bool ReturnState { get; } = r.GetBool("return_state", false);
        public bool GoBackwards { get; } = r.GetBool("go_backwards", false);
        public bool Stateful { get; } = r.GetBool("stateful", false);
        public bool Unroll { get; } = r.GetBool("unroll", false);
        public bool ZeroOutputForMask { get; } = r.GetBool("zero_output_for_mask", false);

        /// <summary>Sets what the layers' constructors do not take (Keras passes it through <c>**kwargs</c>).</summary>
        public T Apply<T>(T layer) where T : RNN
        {
            layer.ZeroOutputForMask = ZeroOutputForMask;
            return layer;
        }
    }
}
