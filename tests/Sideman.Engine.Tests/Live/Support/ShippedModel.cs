using Sideman.Engine.Live;
using Sideman.Model.Decoding;

namespace Sideman.Engine.Tests.Live.Support;

/// <summary>The shipped model (models/sideman-*.onnx with its index), loaded once for the test run.</summary>
public static class ShippedModel
{
    /// <summary>Tests that run the real model share one collection: they are CPU-heavy and run one at a time.</summary>
    public const string Collection = "shipped model";

    public static GeneratorAssets Assets => SharedBandModel.Load().GetAwaiter().GetResult();
}

[CollectionDefinition(ShippedModel.Collection)]
public sealed class ShippedModelCollection;
