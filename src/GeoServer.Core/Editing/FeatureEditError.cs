namespace GeoServer.Core.Editing;

/// <summary>Why an edit was refused; the protocols map each onto their status code (404, 412, 400, 409).</summary>
public enum FeatureEditError { NotFound, PreconditionFailed, Invalid, Conflict }
