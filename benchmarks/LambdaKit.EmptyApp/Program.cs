// The cold-start baseline: what starting the .NET runtime (or a Native AOT executable) costs before any code runs.
return 0;
