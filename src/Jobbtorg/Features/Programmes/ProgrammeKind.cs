namespace Jobbtorg.Features.Programmes;

/// <summary>What a special programme is for: young people, people leaving criminal networks, the newly arrived, or another group.</summary>
public enum ProgrammeKind { Youth, LeavingCrime, NewlyArrived, Other }
