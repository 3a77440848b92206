namespace Jobbtorg.Features.Employers;

/// <summary>The sections of the Swedish Standard Industrial Classification (SNI 2007), stored by their letter. The names
/// are the labels in sv.json / en.json.</summary>
public enum Industry { A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U }
