using System.Diagnostics;
using System.Globalization;
using Sideman.Model;
using Sideman.Model.Diagnostics;

namespace Sideman.Cli.Bench;

/// <summary>One context length's timings.</summary>
public sealed record TokenModelTiming(int Context, double PrefillMsPerToken, double StepMsMedian, double StepMsP90, double StepCpuMsMedian);

/// <summary>
/// Decoding speed of a token model: prefill cost per token, and the cost of one incremental step
/// (with the KV cache) when the context already holds about <c>context</c> tokens. Prints figures;
/// it is for `sideman bench` and sizing, never a pass/fail test.
/// </summary>
public static class TokenModelBenchmark
{
    /// <summary>Times <paramref name="model"/> at each context length; <paramref name="steps"/> timed steps per round.</summary>
    public static IReadOnlyList<TokenModelTiming> Measure(ITokenModel model, IReadOnlyList<int> contexts, int rounds = 5, int steps = 32)
    {
        var results = new List<TokenModelTiming>();
        var rng = new Random(1234);
        int vocab = model.Info.VocabSize;
        foreach (int context in contexts)
        {
            int c = Math.Min(context, model.Capacity);
            int[] tokens = new int[c];
            for (int i = 0; i < c; i++)
            {
                tokens[i] = rng.Next(vocab);
            }
            int stepsHere = Math.Min(steps, c - 1);
            var prefill = new List<double>();
            var stepTimes = new List<double>();
            var stepCpu = new List<double>();
            for (int r = 0; r <= rounds; r++)
            {
                model.Reset();
                long t0 = Stopwatch.GetTimestamp();
                model.Prefill(tokens);
                double prefillMs = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;

                // Steps that end exactly at the context length: the cost "at" that context.
                model.Reset();
                model.Prefill(tokens.AsSpan(0, c - stepsHere));
                var round = new double[stepsHere];
                var roundCpu = new double[stepsHere];
                for (int i = 0; i < stepsHere; i++)
                {
                    double cpu0 = ThreadCpuClock.NowMs();
                    long s0 = Stopwatch.GetTimestamp();
                    model.Step(tokens[c - stepsHere + i]);
                    round[i] = Stopwatch.GetElapsedTime(s0).TotalMilliseconds;
                    roundCpu[i] = ThreadCpuClock.NowMs() - cpu0;
                }
                if (r == 0)
                {
                    continue; // warm-up round
                }
                prefill.Add(prefillMs / c);
                stepTimes.AddRange(round);
                stepCpu.AddRange(roundCpu);
            }
            model.Reset();
            stepTimes.Sort();
            prefill.Sort();
            stepCpu.Sort();
            results.Add(new TokenModelTiming(c, prefill[prefill.Count / 2], stepTimes[stepTimes.Count / 2],
                stepTimes[(int)(stepTimes.Count * 0.9)], stepCpu[stepCpu.Count / 2]));
        }
        return results;
    }

    /// <summary>Loads <paramref name="modelPath"/> with one intra-op thread and prints the table at 128 and 512 tokens. [main]</summary>
    public static void Run(string modelPath, TextWriter output, IReadOnlyList<int>? contexts = null)
    {
        contexts ??= [128, 512];
        using ITokenModel model = TokenModelLoader.Load(modelPath, new TokenModelOptions { IntraOpThreads = 1, MaxContext = contexts.Max() });
        ModelInfo i = model.Info;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"model {Path.GetFileName(i.Path)}: {i.Layers} layers x {i.Heads * i.HeadDim} wide, {i.Heads} heads, vocab {i.VocabSize}; ONNX Runtime {i.RuntimeVersion}, 1 thread"));
        output.WriteLine("context  prefill ms/token  step ms/token (median)  step ms/token (p90)  step CPU ms (median)");
        foreach (TokenModelTiming t in Measure(model, contexts))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{t.Context,7}  {t.PrefillMsPerToken,16:F3}  {t.StepMsMedian,22:F3}  {t.StepMsP90,19:F3}  {t.StepCpuMsMedian,19:F3}"));
        }
    }
}
