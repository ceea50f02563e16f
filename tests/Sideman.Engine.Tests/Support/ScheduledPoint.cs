using Sideman.Engine.Parameters;

namespace Sideman.Engine.Tests.Support;

/// <summary>A parameter change at an absolute sample of a render.</summary>
public readonly record struct ScheduledPoint(long Sample, ParameterDefinition Parameter, double Normalized);
