namespace Jobbtorg.Features.Privacy;

/// <summary>Where a produced register extract is recorded: the access log writes one entry of kind Extract for the person.</summary>
public interface IRegisterExtractLog
{
    Task ExtractProducedAsync(int participantId, CancellationToken ct);
}
