// Usage: dotnet run -c Release --project tests/Sideman.Model.Bench -- MODEL.onnx [MODEL.onnx ...]
// Prints ms per token (prefill and incremental step) at 128 and 512 context on one thread.
using Sideman.Model;
using Sideman.Cli.Bench;

if (args.Length == 0)
{
    Console.Error.WriteLine("usage: Sideman.Model.Bench MODEL.onnx [MODEL.onnx ...]");
    return 2;
}
foreach (string path in args)
{
    try
    {
        TokenModelBenchmark.Run(path, Console.Out);
    }
    catch (ModelException e)
    {
        Console.Error.WriteLine(e.Message);
        return 1;
    }
    Console.WriteLine();
}
return 0;
