using Keras.Benchmarks;

// dotnet run -c Release --project Benchmarks -- fit-mlp [--repeats 5] [--epochs-memory 20] [--quick]
// dotnet run -c Release --project Benchmarks -- fit-cnn [--pairs 6] [--steps 200]
// dotnet run -c Release --project Benchmarks -- predict-backends [--rounds 9] [--calls 200]
// dotnet run -c Release --project Benchmarks -- pipeline [--rounds 6] [--steps 150] [--workers 1] [--queue 4]
// dotnet run -c Release --project Benchmarks -- predict-apps [--rounds 5] [--calls 8]
// A child process re-invoked by the harness gets `--child first-epoch|memory ...`.
try
{
    if (args.Length > 0 && args[0] == "--child")
    {
        return ChildModes.Run(args);
    }
    if (args.Length > 0 && args[0] == "fit-mlp")
    {
        return new MlpFitBenchmark(BenchOptions.Parse(args[1..])).Run();
    }
    if (args.Length > 0 && args[0] == "fit-cnn")
    {
        return new CnnFitBenchmark(CnnBenchOptions.Parse(args[1..])).Run();
    }
    if (args.Length > 0 && args[0] == "predict-backends")
    {
        return new PredictBackendsBenchmark(PredictBenchOptions.Parse(args[1..])).Run();
    }
    if (args.Length > 0 && args[0] == "pipeline")
    {
        return new PipelineBenchmark(PipelineBenchOptions.Parse(args[1..])).Run();
    }
    if (args.Length > 0 && args[0] == "predict-apps")
    {
        return new PredictAppsBenchmark(PredictAppsOptions.Parse(args[1..])).Run();
    }
    Console.Error.WriteLine("Benchmarks: fit-mlp, fit-cnn, predict-backends, pipeline or predict-apps.\n" +
        BenchOptions.Usage + "\n" + CnnBenchOptions.Usage + "\n" + PredictBenchOptions.Usage + "\n" +
        PipelineBenchOptions.Usage + "\n" + PredictAppsOptions.Usage);
    return args.Length == 0 || args[0] is "-h" or "--help" ? 0 : 2;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
