// libyaml's event parser, for the workspace's YAML composer (BarazaWorkspace/YAMLNode.swift).
#include <yaml.h>
