/// Registration and schedule import into event workspaces.
public enum BarazaImport {}
