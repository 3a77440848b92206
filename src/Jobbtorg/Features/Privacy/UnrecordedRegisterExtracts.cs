namespace Jobbtorg.Features.Privacy;

/// <summary>Stands in for the access log until its writer is registered in its place.</summary>
public sealed class UnrecordedRegisterExtracts : IRegisterExtractLog
{
    public Task ExtractProducedAsync(int participantId, CancellationToken ct) => Task.CompletedTask;
}
